package dev.casekeeper.assist;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A case turned heated: a customer message scored past the heated threshold or asked for a
 * supervisor. Published once per heated message; {@code supervisorIds} are the supervisors
 * alerted (the case team's, or all when the team has none), for a notification module to reach.
 */
@NamedInterface("events")
public record CaseHeated(
        CaseId caseId,
        UUID entryId,
        int score,
        boolean supervisorRequested,
        List<String> signals,
        @Nullable TeamId teamId,
        List<AgentId> supervisorIds) {}
