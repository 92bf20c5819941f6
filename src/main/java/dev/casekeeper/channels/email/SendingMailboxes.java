package dev.casekeeper.channels.email;

import dev.casekeeper.cases.CaseSummary;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The mailbox a reply on a case is sent from: the one its email thread came in by, else an active
 * mailbox of the case's team.
 */
@Component
class SendingMailboxes {

    private final ThreadQueries threads;
    private final MailboxQueries mailboxes;

    SendingMailboxes(ThreadQueries threads, MailboxQueries mailboxes) {
        this.threads = threads;
        this.mailboxes = mailboxes;
    }

    Optional<MailboxRow> forCase(CaseSummary kase) {
        return threads.thread(kase.id().value())
                .flatMap(t -> mailboxes.find(t.mailboxId()))
                .or(() -> mailboxes.list().stream()
                        .filter(MailboxRow::active)
                        .filter(m ->
                                kase.teamId() != null && kase.teamId().value().equals(m.teamId()))
                        .findFirst());
    }

    /** A reply on the case can go by email: its mailbox has an outbound server. */
    boolean sendsFor(CaseSummary kase) {
        return forCase(kase).filter(m -> m.smtpHost() != null).isPresent();
    }
}
