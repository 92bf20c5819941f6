package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** A case was assigned or transferred. */
@NamedInterface("events")
public record OwnerChanged(
        CaseId caseId, @Nullable AgentId ownerId, @Nullable TeamId teamId, boolean transfer) {}
