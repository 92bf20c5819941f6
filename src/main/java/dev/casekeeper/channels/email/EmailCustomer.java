package dev.casekeeper.channels.email;

import dev.casekeeper.agents.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * An agent writes to a customer first, which opens a case: to whom, from which mailbox (optional
 * when only one can send), the subject and the message.
 */
public record EmailCustomer(
        @Nullable String to,
        @Nullable String name,
        @Nullable MailboxId mailboxId,
        @Nullable String subject,
        @Nullable String body,
        @Nullable TeamId teamId) {}
