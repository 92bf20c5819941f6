package dev.casekeeper.cases.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.Delivery;
import dev.casekeeper.cases.Handover;
import dev.casekeeper.cases.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A case with its handover (shown first, so the receiver reads it before speaking) and its timeline. */
record CaseDetailResponse(
        @JsonUnwrapped CaseResponse caseFields, @Nullable HandoverResponse handover, List<EntryResponse> timeline) {

    record HandoverResponse(
            @Nullable UUID fromOwnerId,
            @Nullable UUID toAgentId,
            @Nullable UUID toTeamId,
            String reason,
            String summary,
            @Nullable UUID transferredBy,
            Instant at) {
        static @Nullable HandoverResponse of(@Nullable Handover h) {
            return h == null
                    ? null
                    : new HandoverResponse(
                            CaseResponse.id(h.fromOwnerId()),
                            CaseResponse.id(h.toAgentId()),
                            CaseResponse.id(h.toTeamId()),
                            h.reason(),
                            h.summary(),
                            CaseResponse.id(h.transferredBy()),
                            h.at());
        }
    }

    record EntryResponse(
            UUID id,
            String kind,
            String authorKind,
            @Nullable UUID authorId,
            @Nullable String authorName,
            @Nullable String body,
            @Nullable String html,
            @Nullable String eventType,
            Map<String, Object> data,
            Instant createdAt,
            @Nullable DeliveryResponse delivery) {
        static EntryResponse of(TimelineEntry e) {
            return new EntryResponse(
                    e.id(),
                    e.kind().value(),
                    e.author().kind().value(),
                    e.author().id(),
                    e.authorName(),
                    e.bodyText(),
                    e.bodyHtml(),
                    e.eventType(),
                    e.data(),
                    e.createdAt(),
                    DeliveryResponse.of(e.delivery()));
        }
    }

    /** How a reply travelled: {@code queued}, {@code sent} or {@code failed}, with why it waits or failed. */
    record DeliveryResponse(String state, @Nullable String detail, Instant at) {
        static @Nullable DeliveryResponse of(@Nullable Delivery d) {
            return d == null ? null : new DeliveryResponse(d.state().value(), d.detail(), d.at());
        }
    }

    /** {@code caseFields} is the case as the caller may see it. */
    static CaseDetailResponse of(CaseDetail detail, CaseResponse caseFields) {
        return new CaseDetailResponse(
                caseFields,
                HandoverResponse.of(detail.handover()),
                detail.timeline().stream().map(EntryResponse::of).toList());
    }
}
