package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A request for a supervisor on a case: open until a supervisor takes it. */
public record SupervisorRequest(
        SupervisorRequestId id,
        CaseId caseId,
        @Nullable TeamId teamId,
        String source,
        Instant requestedAt,
        @Nullable AgentId takenBy,
        @Nullable Instant takenAt) {

    public boolean open() {
        return takenAt == null;
    }
}
