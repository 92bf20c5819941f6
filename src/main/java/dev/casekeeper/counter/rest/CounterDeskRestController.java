package dev.casekeeper.counter.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.counter.DeskManagement;
import dev.casekeeper.counter.LocationId;
import dev.casekeeper.counter.TicketId;
import dev.casekeeper.counter.TransferTicket;
import dev.casekeeper.counter.rest.CounterResponses.SeatResponse;
import dev.casekeeper.counter.rest.CounterResponses.TicketResponse;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's counter desk: sit at a location's desk and leave it, call the next ticket, and serve,
 * transfer, mark a no-show or end the ticket they called. Every agent; a ticket that is not the
 * caller's is not found.
 */
@RestController
class CounterDeskRestController {

    record SeatRequest(@Nullable UUID locationId, @Nullable String desk) {}

    record TicketTransferRequest(
            @Nullable UUID toTeamId,
            @Nullable String toDesk,
            @Nullable String reason,
            @Nullable String summary) {}

    private final DeskManagement desks;

    CounterDeskRestController(DeskManagement desks) {
        this.desks = desks;
    }

    @GetMapping("/api/v1/counter/desk")
    SeatResponse desk(@AuthenticationPrincipal SignedInAgent me) {
        var seat = desks.seatOf(me).orElseThrow(() -> new NotFoundException("Desk of agent", me.id()));
        return SeatResponse.of(seat, desks.current(me).orElse(null));
    }

    @PutMapping("/api/v1/counter/desk")
    SeatResponse sit(@AuthenticationPrincipal SignedInAgent me, @RequestBody SeatRequest request) {
        if (request.locationId() == null) {
            throw new InvalidInputException("locationId", "name the location");
        }
        var seat = desks.sit(new LocationId(request.locationId()), request.desk(), me);
        return SeatResponse.of(seat, desks.current(me).orElse(null));
    }

    @DeleteMapping("/api/v1/counter/desk")
    ResponseEntity<Void> leave(@AuthenticationPrincipal SignedInAgent me) {
        desks.leave(me);
        return ResponseEntity.noContent().build();
    }

    /** {@code 204} when nobody waits for what the caller serves. */
    @PostMapping("/api/v1/counter/desk/next")
    ResponseEntity<TicketResponse> next(@AuthenticationPrincipal SignedInAgent me) {
        return desks.callNext(me)
                .map(t -> ResponseEntity.ok(TicketResponse.of(t)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/api/v1/counter/tickets/{id}/serve")
    TicketResponse serve(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return TicketResponse.of(desks.serve(new TicketId(id), me));
    }

    @PostMapping("/api/v1/counter/tickets/{id}/no-show")
    TicketResponse noShow(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return TicketResponse.of(desks.noShow(new TicketId(id), me));
    }

    @PostMapping("/api/v1/counter/tickets/{id}/end")
    TicketResponse end(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return TicketResponse.of(desks.end(new TicketId(id), me));
    }

    @PostMapping("/api/v1/counter/tickets/{id}/transfer")
    TicketResponse transfer(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @RequestBody TicketTransferRequest request) {
        return TicketResponse.of(desks.transfer(
                new TicketId(id),
                new TransferTicket(
                        request.toTeamId() == null ? null : new TeamId(request.toTeamId()),
                        request.toDesk(),
                        request.reason(),
                        request.summary()),
                me));
    }
}
