package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A case was assigned or transferred; {@code byAgentId} is the agent who did it, null when
 * Casekeeper did (routing, a complaint case given to a supervisor).
 */
@NamedInterface("events")
public record OwnerChanged(
        CaseId caseId,
        @Nullable AgentId ownerId,
        @Nullable TeamId teamId,
        boolean transfer,
        @Nullable AgentId byAgentId) {

    public OwnerChanged(CaseId caseId, @Nullable AgentId ownerId, @Nullable TeamId teamId, boolean transfer) {
        this(caseId, ownerId, teamId, transfer, null);
    }
}
