package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The latest transfer of a case: why it moved and what the customer already said, so the receiver
 * reads it before speaking and the customer never has to repeat themselves.
 */
public record Handover(
        @Nullable AgentId fromOwnerId,
        @Nullable AgentId toAgentId,
        @Nullable TeamId toTeamId,
        String reason,
        String summary,
        @Nullable AgentId transferredBy,
        Instant at) {}
