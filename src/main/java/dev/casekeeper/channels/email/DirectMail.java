package dev.casekeeper.channels.email;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Mail that belongs to no case, such as a customer's sign-in code: sent at once through a mailbox's
 * SMTP server, not through the outbox. Such a message is worth nothing a few minutes later, so it is
 * tried once and never queued; the one who asked for it asks again.
 */
@Service
public class DirectMail {

    private static final Logger log = LoggerFactory.getLogger(DirectMail.class);

    private final MailboxQueries mailboxes;
    private final SmtpMailSink sink;
    private final Clock clock;

    DirectMail(MailboxQueries mailboxes, SmtpMailSink sink, Clock clock) {
        this.mailboxes = mailboxes;
        this.sink = sink;
        this.clock = clock;
    }

    /**
     * Sends a plain-text message from the active mailbox with the address {@code from}, or, when
     * {@code from} is null, from the oldest active mailbox with an outbound SMTP server.
     *
     * @return whether the SMTP server took the message; false when no mailbox can send or it refused
     */
    public boolean send(@Nullable String from, String to, String subject, String text) {
        var mailbox = sender(from);
        if (mailbox.isEmpty()) {
            log.warn(
                    "No mail to {}: no active mailbox {} has an outbound SMTP server",
                    to,
                    from == null ? "" : "with the address " + from);
            return false;
        }
        var rendered = OutgoingMail.render(new OutgoingMail.Envelope(
                mailbox.get(),
                mailbox.get().displayName(),
                to,
                List.of(),
                mailbox.get().address(),
                subject,
                text,
                null,
                null,
                List.of(),
                // An automatic message (RFC 3834): a well-behaved auto-responder does not answer it.
                Map.of("Auto-Submitted", "auto-generated"),
                clock.instant()));
        try {
            sink.send(mailbox.get(), to, List.of(), rendered.raw());
            return true;
        } catch (SmtpMailSink.DeliveryException e) {
            log.warn("Mail to {} from {} not sent: {}", to, mailbox.get().address(), e.getMessage());
            return false;
        }
    }

    private Optional<MailboxRow> sender(@Nullable String from) {
        return mailboxes.list().stream()
                .filter(MailboxRow::active)
                .filter(m -> m.smtpHost() != null)
                .filter(m -> from == null || m.address().equalsIgnoreCase(from.strip()))
                .min(Comparator.comparing(MailboxRow::createdAt));
    }
}
