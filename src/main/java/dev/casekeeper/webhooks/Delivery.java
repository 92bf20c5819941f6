package dev.casekeeper.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A delivery of one event to one subscription, as its log shows it: pending (due at
 * {@code nextAttemptAt}), delivered, or failed (given up after its retries). {@code body} and
 * {@code attempts} are filled only when one delivery is read.
 */
public record Delivery(
        UUID id,
        UUID subscriptionId,
        UUID eventId,
        String eventType,
        String state,
        int attemptCount,
        Instant createdAt,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant lastAttemptAt,
        @Nullable Integer lastStatus,
        @Nullable String lastError,
        @Nullable Integer lastDurationMs,
        @Nullable Instant deliveredAt,
        @Nullable String body,
        List<Attempt> attempts) {

    /** One attempt: the answer's status (none when no answer came), its time and what came back. */
    public record Attempt(
            int number,
            Instant attemptedAt,
            @Nullable Integer status,
            int durationMs,
            @Nullable String detail) {}
}
