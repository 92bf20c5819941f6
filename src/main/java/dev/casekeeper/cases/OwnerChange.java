package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.shared.Actor;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step of a case's ownership: an assignment or a transfer. */
public record OwnerChange(
        String type,
        @Nullable AgentId fromOwnerId,
        @Nullable AgentId toOwnerId,
        @Nullable TeamId toTeamId,
        @Nullable String reason,
        @Nullable String summary,
        Actor by,
        Instant at) {}
