package dev.casekeeper.portal;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.channels.ChannelManagement;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The mail that acknowledges a web form submission, in the form's language: the case number, the
 * team that owns it and when the first answer is due by the SLA, as the page after the form says,
 * and the case's status link when {@code casekeeper.portal.base-url} is set. Sent once the case is
 * committed, off the request's thread, from the portal's mailbox (as sign-in mail); a mail that
 * cannot leave is logged and the case stands.
 */
@Component
class ContactAcknowledgements implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ContactAcknowledgements.class);

    private final ChannelManagement mail;
    private final MessageSource messages;
    private final PortalSettings settings;
    private final SignedLinks links;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    ContactAcknowledgements(
            ChannelManagement mail, MessageSource messages, PortalSettings settings, SignedLinks links) {
        this.mail = mail;
        this.messages = messages;
        this.settings = settings;
        this.links = links;
    }

    void sendAfterCommit(
            CaseId caseId, String to, String name, String subject, WebForm.Acknowledgement ack, Locale locale) {
        String title = text("portal.contact.ack.subject", locale, ack.number(), subject);
        var body = new StringBuilder()
                .append(text("portal.contact.ack.hello", locale, name))
                .append("\n\n")
                .append(text("portal.contact.sent", locale, ack.number()))
                .append("\n");
        if (ack.team() != null) {
            body.append(text("portal.contact.sentTeam", locale, ack.team())).append("\n");
        }
        if (ack.firstResponse() != null) {
            body.append(text(
                            "portal.contact.sentFirstResponse",
                            locale,
                            PortalCases.format(ack.firstResponse().dueAt(), locale)))
                    .append("\n");
        }
        body.append("\n").append(text("portal.contact.sentNext", locale, ack.number()));
        String base = settings.baseUrl();
        if (base != null && !base.isBlank()) {
            body.append("\n\n")
                    .append(text("portal.mail.footer", locale, ack.number()))
                    .append("\n")
                    .append(base.strip().replaceAll("/+$", ""))
                    .append("/portal/status/")
                    .append(links.status(caseId));
        }
        String text = body.append("\n").toString();
        Runnable send = () -> {
            if (!mail.sendMail(settings.mailFrom(), to, title, text)) {
                log.info("No acknowledgement mail for web form case #{}: no mailbox could send it", ack.number());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    senders.execute(send);
                }
            });
        } else {
            senders.execute(send);
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    @Override
    public void destroy() {
        senders.close();
    }
}
