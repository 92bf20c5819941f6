package dev.casekeeper.routing.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.routing.QueueManagement;
import dev.casekeeper.routing.rest.RoutingResponses.AbandonedResponse;
import dev.casekeeper.routing.rest.RoutingResponses.AgentRoutingResponse;
import dev.casekeeper.routing.rest.RoutingResponses.ContactResponse;
import dev.casekeeper.routing.rest.RoutingResponses.QueueResponse;
import dev.casekeeper.routing.rest.RoutingResponses.TeamRoutingResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Team queues (their agents see them, supervisors all), overflow settings (admins and the team's supervisors set them), abandoned contacts (supervisors). */
@RestController
class QueuesRestController {

    record TeamRoutingRequest(
            @Nullable UUID overflowTeamId, @Nullable Long overflowAfterSeconds) {}

    private static final Duration DEFAULT_ABANDONED_PERIOD = Duration.ofDays(7);

    private final QueueManagement queues;
    private final Clock clock;

    QueuesRestController(QueueManagement queues, Clock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    @GetMapping("/api/v1/routing/teams/{id}/queue")
    QueueResponse queue(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        var queue = queues.queue(new TeamId(id), me);
        return new QueueResponse(
                id,
                queue.contacts().stream().map(ContactResponse::of).toList(),
                queue.agents().stream().map(AgentRoutingResponse::of).toList());
    }

    @GetMapping("/api/v1/routing/teams/{id}")
    TeamRoutingResponse team(@PathVariable UUID id) {
        return TeamRoutingResponse.of(queues.teamRouting(new TeamId(id)));
    }

    /** Both fields set overflow on; both null turn it off. Admins, and supervisors of the team (as on the page). */
    @PutMapping("/api/v1/routing/teams/{id}")
    TeamRoutingResponse setTeam(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @RequestBody TeamRoutingRequest request) {
        return TeamRoutingResponse.of(queues.setTeamRouting(
                new TeamId(id),
                request.overflowTeamId() == null ? null : new TeamId(request.overflowTeamId()),
                request.overflowAfterSeconds() == null ? null : Duration.ofSeconds(request.overflowAfterSeconds()),
                me));
    }

    /** Contacts abandoned since {@code since} (default: the last seven days), latest first, with their callback tasks. */
    @GetMapping("/api/v1/routing/abandoned")
    List<AbandonedResponse> abandoned(
            @AuthenticationPrincipal SignedInAgent me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
                    Instant since) {
        var from = since != null ? since : clock.instant().minus(DEFAULT_ABANDONED_PERIOD);
        return queues.abandoned(me, from).stream().map(AbandonedResponse::of).toList();
    }
}
