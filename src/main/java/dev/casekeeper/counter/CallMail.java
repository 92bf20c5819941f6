package dev.casekeeper.counter;

import dev.casekeeper.channels.ChannelManagement;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells a walk-in who left an email address that their ticket was called, once the call committed.
 * The message is worth nothing a few minutes later, so it goes straight out through the outbound
 * mail path for mail that belongs to no thread (tried once, never queued), on a thread of its own so
 * a slow mail server never holds up the desk.
 */
@Component
class CallMail {

    private static final Logger log = LoggerFactory.getLogger(CallMail.class);

    private final ChannelManagement channels;
    private final MessageSource messages;
    private final CounterSettings settings;

    CallMail(ChannelManagement channels, MessageSource messages, CounterSettings settings) {
        this.channels = channels;
        this.messages = messages;
        this.settings = settings;
    }

    void afterCommit(Ticket ticket, String locationName) {
        if (ticket.email() == null) {
            return;
        }
        Runnable send = () -> send(ticket, locationName);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    Thread.ofVirtual().name("counter-call-mail").start(send);
                }
            });
        } else {
            Thread.ofVirtual().name("counter-call-mail").start(send);
        }
    }

    private void send(Ticket ticket, String locationName) {
        var locale = Locale.ENGLISH;
        var subject = messages.getMessage("counter.mail.subject", new Object[] {ticket.number(), locationName}, locale);
        var text = messages.getMessage(
                "counter.mail.text",
                new Object[] {ticket.firstName(), ticket.number(), String.valueOf(ticket.desk()), locationName},
                locale);
        if (!channels.sendMail(settings.mailFrom(), String.valueOf(ticket.email()), subject, text)) {
            log.warn("Case {}: the call of ticket {} could not be mailed", ticket.caseId(), ticket.number());
        }
    }
}
