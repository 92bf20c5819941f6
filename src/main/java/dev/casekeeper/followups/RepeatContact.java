package dev.casekeeper.followups;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The customer wrote again soon after an earlier case was solved: on {@code caseId} (a new case, or
 * the earlier one reopened), counted against who solved it.
 */
public record RepeatContact(
        CaseId caseId,
        CaseId earlierCaseId,
        long earlierNumber,
        Instant earlierSolvedAt,
        @Nullable AgentId solvedBy,
        @Nullable TeamId team,
        Instant detectedAt) {}
