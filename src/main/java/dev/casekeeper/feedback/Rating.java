package dev.casekeeper.feedback;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.customers.CustomerId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A customer's rating of one solve of a case: who owned the case and which team it was in when it
 * was rated, and until when the customer may change it.
 */
public record Rating(
        UUID id,
        CaseId caseId,
        long caseNumber,
        Instant solvedAt,
        CustomerId customerId,
        @Nullable AgentId ownerId,
        @Nullable TeamId teamId,
        Score score,
        @Nullable String comment,
        RatingSource source,
        Instant createdAt,
        Instant updatedAt,
        Instant changeableUntil) {}
