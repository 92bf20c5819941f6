package dev.casekeeper.cases.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.casekeeper.cases.Delivery;
import dev.casekeeper.cases.Handover;
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

    /**
     * One timeline entry. An event has its {@code eventType}, its {@code data} and a readable
     * {@code text}; a message has its channel's facts under {@code data}.
     */
    record EntryResponse(
            UUID id,
            String kind,
            String authorKind,
            @Nullable UUID authorId,
            @Nullable String authorName,
            @Nullable String body,
            @Nullable String html,
            @Nullable String eventType,
            @Nullable String text,
            Map<String, Object> data,
            Instant createdAt,
            @Nullable DeliveryResponse delivery) {}

    /** How a reply travelled: {@code queued}, {@code sent} or {@code failed}, with why it waits or failed. */
    record DeliveryResponse(String state, @Nullable String detail, Instant at) {
        static @Nullable DeliveryResponse of(@Nullable Delivery d) {
            return d == null ? null : new DeliveryResponse(d.state().value(), d.detail(), d.at());
        }
    }
}
