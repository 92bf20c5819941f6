package dev.casekeeper.routing.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.routing.Presence;
import dev.casekeeper.routing.PresenceManagement;
import dev.casekeeper.routing.QueueManagement;
import dev.casekeeper.routing.rest.RoutingResponses.ContactResponse;
import dev.casekeeper.routing.rest.RoutingResponses.MeResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in agent's routing: presence, capacity and load, the contacts offered to or held by them, and answering offers. */
@RestController
class PresenceRestController {

    record PresenceRequest(@NotBlank String presence) {}

    private final PresenceManagement presence;
    private final QueueManagement queues;

    PresenceRestController(PresenceManagement presence, QueueManagement queues) {
        this.presence = presence;
        this.queues = queues;
    }

    @GetMapping("/api/v1/routing/me")
    MeResponse me(@AuthenticationPrincipal SignedInAgent me) {
        return new MeResponse(
                RoutingResponses.AgentRoutingResponse.of(presence.agent(me.id())),
                queues.contactsOf(me.id()).stream().map(ContactResponse::of).toList());
    }

    @PutMapping("/api/v1/routing/me/presence")
    MeResponse presence(@AuthenticationPrincipal SignedInAgent me, @Valid @RequestBody PresenceRequest request) {
        presence.setPresence(me.id(), Presence.from(request.presence()));
        return me(me);
    }

    @PostMapping("/api/v1/routing/offers/{id}/accept")
    ContactResponse accept(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return ContactResponse.of(queues.accept(RoutingResponses.offer(id), me.id()));
    }

    @PostMapping("/api/v1/routing/offers/{id}/decline")
    ContactResponse decline(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return ContactResponse.of(queues.decline(RoutingResponses.offer(id), me.id()));
    }
}
