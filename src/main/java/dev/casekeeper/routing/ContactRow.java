package dev.casekeeper.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A contact's row as stored. */
record ContactRow(
        UUID id,
        UUID caseId,
        RoutedChannel channel,
        UUID teamId,
        List<String> requiredSkills,
        int priority,
        Instant arrivedAt,
        Instant queuedAt,
        ContactState state,
        @Nullable UUID agentId,
        @Nullable UUID offerId,
        @Nullable Instant acceptedAt,
        @Nullable Instant endedAt,
        @Nullable Long waitedMs,
        @Nullable String callbackEmail,
        @Nullable String callbackPhone,
        boolean overflowed) {}
