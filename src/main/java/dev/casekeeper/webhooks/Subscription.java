package dev.casekeeper.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A webhook subscription as admins see it (never its secret). {@code teamId} limits it to the
 * cases of one team; {@code failingSince} is the first failed attempt since the last success.
 */
public record Subscription(
        UUID id,
        String name,
        String url,
        List<String> eventTypes,
        @Nullable UUID teamId,
        boolean enabled,
        int failures,
        @Nullable Instant failingSince,
        @Nullable Instant disabledAt,
        @Nullable String disabledReason,
        Instant createdAt) {}
