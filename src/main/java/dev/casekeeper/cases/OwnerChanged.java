package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import org.jspecify.annotations.Nullable;

/** A case was assigned or transferred. */
public record OwnerChanged(
        CaseId caseId, @Nullable AgentId ownerId, @Nullable TeamId teamId, boolean transfer) {}
