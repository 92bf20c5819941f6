package dev.casekeeper.counter.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.counter.AddLocation;
import dev.casekeeper.counter.AddReason;
import dev.casekeeper.counter.CounterManagement;
import dev.casekeeper.counter.LocationId;
import dev.casekeeper.counter.LocationManagement;
import dev.casekeeper.counter.ReasonId;
import dev.casekeeper.counter.TakeTicket;
import dev.casekeeper.counter.TicketId;
import dev.casekeeper.counter.rest.CounterResponses.BoardResponse;
import dev.casekeeper.counter.rest.CounterResponses.LocationResponse;
import dev.casekeeper.counter.rest.CounterResponses.ReasonResponse;
import dev.casekeeper.counter.rest.CounterResponses.TicketResponse;
import dev.casekeeper.shared.AccessDeniedException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Counter locations: every agent lists them, reads one with its reasons, its line and its board,
 * and takes a ticket for a walk-in (a greeter with a tablet); admins add locations and reasons.
 */
@RestController
class CounterLocationsRestController {

    record LocationRequest(
            @Nullable String name,
            @Nullable String slug,
            @Nullable String zone) {}

    record ReasonRequest(
            @Nullable String label,
            @Nullable String code,
            @Nullable UUID teamId,
            @Nullable List<String> skills) {}

    record TicketRequest(
            @Nullable String firstName,
            @Nullable UUID reasonId,
            @Nullable String email,
            @Nullable String phone) {}

    private final LocationManagement locations;
    private final CounterManagement counter;

    CounterLocationsRestController(LocationManagement locations, CounterManagement counter) {
        this.locations = locations;
        this.counter = counter;
    }

    @GetMapping("/api/v1/counter/locations")
    List<LocationResponse> list() {
        return locations.locations().stream().map(LocationResponse::of).toList();
    }

    @PostMapping("/api/v1/counter/locations")
    ResponseEntity<LocationResponse> add(
            @AuthenticationPrincipal SignedInAgent me, @RequestBody LocationRequest request) {
        requireAdmin(me);
        var location = locations.add(new AddLocation(request.name(), request.slug(), request.zone()));
        return ResponseEntity.created(URI.create("/api/v1/counter/locations/" + location.id()))
                .body(LocationResponse.of(location));
    }

    @GetMapping("/api/v1/counter/locations/{id}")
    LocationResponse location(@PathVariable UUID id) {
        return LocationResponse.of(locations.location(new LocationId(id)));
    }

    @PostMapping("/api/v1/counter/locations/{id}/reasons")
    ResponseEntity<ReasonResponse> addReason(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @RequestBody ReasonRequest request) {
        requireAdmin(me);
        var reason = locations.addReason(
                new LocationId(id),
                new AddReason(
                        request.label(),
                        request.code(),
                        request.teamId() == null ? null : new TeamId(request.teamId()),
                        request.skills()));
        return ResponseEntity.created(URI.create("/api/v1/counter/locations/" + id))
                .body(ReasonResponse.of(reason));
    }

    @GetMapping("/api/v1/counter/locations/{id}/board")
    BoardResponse board(@PathVariable UUID id) {
        return BoardResponse.of(counter.board(new LocationId(id)));
    }

    @GetMapping("/api/v1/counter/locations/{id}/tickets")
    List<TicketResponse> line(@PathVariable UUID id) {
        return counter.line(new LocationId(id)).stream().map(TicketResponse::of).toList();
    }

    @PostMapping("/api/v1/counter/locations/{id}/tickets")
    ResponseEntity<TicketResponse> take(@PathVariable UUID id, @RequestBody TicketRequest request) {
        var ticket = counter.take(
                new LocationId(id),
                new TakeTicket(
                        request.firstName(),
                        request.reasonId() == null ? null : new ReasonId(request.reasonId()),
                        request.email(),
                        request.phone()));
        return ResponseEntity.created(URI.create("/api/v1/counter/tickets/" + ticket.id()))
                .body(TicketResponse.of(ticket));
    }

    @GetMapping("/api/v1/counter/tickets/{id}")
    TicketResponse ticket(@PathVariable UUID id) {
        return TicketResponse.of(counter.ticket(new TicketId(id)));
    }

    private static void requireAdmin(SignedInAgent me) {
        if (!me.isAdmin()) {
            throw new AccessDeniedException("Only admins add counter locations and reasons");
        }
    }
}
