package dev.casekeeper.counter.rest;

import dev.casekeeper.counter.Board;
import dev.casekeeper.counter.Location;
import dev.casekeeper.counter.Reason;
import dev.casekeeper.counter.Seat;
import dev.casekeeper.counter.Ticket;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The counter's API bodies: ids as plain UUIDs, durations in seconds. */
final class CounterResponses {

    private CounterResponses() {}

    record ReasonResponse(UUID id, String label, String code, UUID teamId, List<String> skills) {
        static ReasonResponse of(Reason r) {
            return new ReasonResponse(
                    r.id().value(), r.label(), r.code(), r.teamId().value(), r.skills());
        }
    }

    record LocationResponse(
            UUID id,
            String slug,
            String name,
            String zone,
            String kioskPath,
            String boardPath,
            List<ReasonResponse> reasons) {
        static LocationResponse of(Location l) {
            return new LocationResponse(
                    l.id().value(),
                    l.slug(),
                    l.name(),
                    l.zone().getId(),
                    "/counter/kiosk/" + l.slug(),
                    "/counter/board/" + l.slug(),
                    l.reasons().stream().map(ReasonResponse::of).toList());
        }
    }

    record TicketResponse(
            UUID id,
            UUID locationId,
            UUID reasonId,
            String number,
            String firstName,
            @Nullable String email,
            @Nullable String phone,
            UUID customerId,
            UUID caseId,
            long caseNumber,
            String state,
            @Nullable String forDesk,
            @Nullable String desk,
            @Nullable UUID agentId,
            Instant takenAt,
            @Nullable Instant calledAt,
            @Nullable Instant servedAt,
            @Nullable Instant endedAt,
            @Nullable Integer position,
            @Nullable Long estimatedWaitSeconds) {
        static TicketResponse of(Ticket t) {
            return new TicketResponse(
                    t.id().value(),
                    t.locationId().value(),
                    t.reasonId().value(),
                    t.number(),
                    t.firstName(),
                    t.email(),
                    t.phone(),
                    t.customerId().value(),
                    t.caseId().value(),
                    t.caseNumber(),
                    t.state().value(),
                    t.forDesk(),
                    t.desk(),
                    t.agentId() == null ? null : t.agentId().value(),
                    t.takenAt(),
                    t.calledAt(),
                    t.servedAt(),
                    t.endedAt(),
                    t.position(),
                    t.estimatedWait() == null ? null : t.estimatedWait().toSeconds());
        }
    }

    record BoardResponse(
            UUID locationId,
            String name,
            List<Board.AtDesk> serving,
            List<String> next,
            int waiting,
            List<WaitResponse> waits,
            Instant at) {
        static BoardResponse of(Board b) {
            return new BoardResponse(
                    b.locationId().value(),
                    b.name(),
                    b.serving(),
                    b.next(),
                    b.waiting(),
                    b.waits().stream()
                            .map(w -> new WaitResponse(
                                    w.label(),
                                    w.code(),
                                    w.waiting(),
                                    w.estimate().toSeconds()))
                            .toList(),
                    b.at());
        }
    }

    record WaitResponse(String label, String code, int waiting, long estimatedWaitSeconds) {}

    record SeatResponse(
            UUID agentId,
            UUID locationId,
            String desk,
            Instant since,
            @Nullable TicketResponse ticket) {
        static SeatResponse of(Seat s, @Nullable Ticket current) {
            return new SeatResponse(
                    s.agentId().value(),
                    s.locationId().value(),
                    s.desk(),
                    s.since(),
                    current == null ? null : TicketResponse.of(current));
        }
    }
}
