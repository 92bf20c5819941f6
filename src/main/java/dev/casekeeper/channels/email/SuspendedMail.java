package dev.casekeeper.channels.email;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message from a blocked sender, stored but not made a case: who sent it, to which mailbox, its
 * subject, when it arrived, which block caught it, and when it is deleted unless released.
 */
public record SuspendedMail(
        UUID id,
        String mailbox,
        @Nullable String from,
        @Nullable String subject,
        long size,
        Instant receivedAt,
        String blockedBy,
        Instant purgeAt) {}
