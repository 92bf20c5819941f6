package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.customers.CustomerId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A case as lists show it. {@code waitingSince} is when the customer started waiting for an
 * answer, null when nobody waits on us.
 */
public record CaseSummary(
        CaseId id,
        long number,
        String subject,
        CustomerId requesterId,
        Channel channel,
        CaseStatus status,
        Priority priority,
        List<String> tags,
        @Nullable TeamId teamId,
        @Nullable AgentId ownerId,
        @Nullable CaseId followUpOf,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant firstResponseAt,
        @Nullable Instant solvedAt,
        @Nullable Instant closedAt,
        @Nullable Instant waitingSince) {}
