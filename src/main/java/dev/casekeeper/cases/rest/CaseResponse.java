package dev.casekeeper.cases.rest;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A case in the API. Enum values are lower case, as clients send them. */
record CaseResponse(
        UUID id,
        long number,
        String subject,
        UUID requesterId,
        String channel,
        String status,
        String priority,
        List<String> tags,
        @Nullable UUID teamId,
        @Nullable UUID ownerId,
        @Nullable UUID followUpOf,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant firstResponseAt,
        @Nullable Instant solvedAt,
        @Nullable Instant closedAt) {

    static CaseResponse of(CaseSummary c) {
        return new CaseResponse(
                c.id().value(),
                c.number(),
                c.subject(),
                c.requesterId().value(),
                c.channel().value(),
                c.status().value(),
                c.priority().value(),
                c.tags(),
                c.teamId() == null ? null : c.teamId().value(),
                c.ownerId() == null ? null : c.ownerId().value(),
                c.followUpOf() == null ? null : c.followUpOf().value(),
                c.createdAt(),
                c.updatedAt(),
                c.firstResponseAt(),
                c.solvedAt(),
                c.closedAt());
    }

    /** For a caller who may not open the case this one follows up. */
    CaseResponse withoutFollowUpOf() {
        return new CaseResponse(
                id,
                number,
                subject,
                requesterId,
                channel,
                status,
                priority,
                tags,
                teamId,
                ownerId,
                null,
                createdAt,
                updatedAt,
                firstResponseAt,
                solvedAt,
                closedAt);
    }

    static @Nullable UUID id(@Nullable AgentId id) {
        return id == null ? null : id.value();
    }

    static @Nullable UUID id(@Nullable TeamId id) {
        return id == null ? null : id.value();
    }

    static @Nullable UUID id(@Nullable CaseId id) {
        return id == null ? null : id.value();
    }
}
