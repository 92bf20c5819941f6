package dev.casekeeper.channels.email;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An agent's email reply on a case: to whom (each field a list, or addresses separated by commas),
 * from which mailbox (null: the one the case came in through), and the message.
 */
public record EmailReply(
        @Nullable List<String> to,
        @Nullable List<String> cc,
        @Nullable List<String> bcc,
        @Nullable MailboxId mailboxId,
        @Nullable String body) {}
