package dev.casekeeper.assist;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The closing of a case: the next steps stored on it, the farewell, the message the customer got
 * (the timeline entry, when it was sent) and the case's status afterwards.
 */
public record Closing(
        @Nullable UUID id,
        CaseId caseId,
        AgentId agentId,
        NextSteps nextSteps,
        String farewell,
        String message,
        @Nullable UUID entryId,
        @Nullable CaseStatus status,
        Instant at) {}
