package dev.casekeeper.channels.email;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the composer offers for an email reply on a case: the customer in To, the people copied on
 * the case's mail (from the Cc of what came in) in Cc, the mailboxes that can send and the one the
 * case came in through, which is the default.
 */
public record ReplyAddressing(
        @Nullable String to,
        List<String> cc,
        List<SendingMailbox> mailboxes,
        @Nullable MailboxId defaultMailbox) {

    /** The team has more than one mailbox to send from: the composer lets the agent choose. */
    public boolean choice() {
        return mailboxes.size() > 1;
    }
}
