package dev.casekeeper.assist;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A supervisor's alert about a heated case, until they acknowledge it. */
public record SupervisorAlert(
        UUID id,
        AgentId supervisorId,
        CaseId caseId,
        UUID entryId,
        int score,
        boolean supervisorRequested,
        List<String> signals,
        Instant createdAt,
        @Nullable Instant acknowledgedAt) {}
