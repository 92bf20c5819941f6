package dev.casekeeper.agents;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An API token as listed: its secret is never shown again after it was issued. */
public record ApiToken(
        UUID id,
        AgentId agentId,
        String name,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {}
