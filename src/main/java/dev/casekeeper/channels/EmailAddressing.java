package dev.casekeeper.channels;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the composer of an email case offers: the customer in To, the people copied on the case in
 * Cc (comma-separated, as the fields show them), the mailboxes that can send and the case's own.
 */
public record EmailAddressing(
        @Nullable String to,
        String cc,
        List<EmailSender> mailboxes,
        @Nullable UUID defaultMailboxId) {

    /** More than one mailbox can send: the composer lets the agent choose. */
    public boolean choice() {
        return mailboxes.size() > 1;
    }
}
