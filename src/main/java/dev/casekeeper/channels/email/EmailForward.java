package dev.casekeeper.channels.email;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An agent forwards one message of a case ({@code entryId}) or, with null, its whole conversation to
 * a third party, with a note of their own, from a mailbox (null: the case's).
 */
public record EmailForward(
        @Nullable List<String> to,
        @Nullable UUID entryId,
        @Nullable MailboxId mailboxId,
        @Nullable String body) {}
