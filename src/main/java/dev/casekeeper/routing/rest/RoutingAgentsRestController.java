package dev.casekeeper.routing.rest;

import dev.casekeeper.routing.ChangeAgentRouting;
import dev.casekeeper.routing.PresenceManagement;
import dev.casekeeper.routing.rest.RoutingResponses.AgentRoutingResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Agents' presence, load, skills and capacities (supervisors and admins). */
@RestController
class RoutingAgentsRestController {

    record ChangeAgentRoutingRequest(
            @Size(max = 50) @Nullable List<String> skills,
            @Nullable Integer chatCapacity,
            @Nullable Integer emailCapacity) {}

    private final PresenceManagement presence;

    RoutingAgentsRestController(PresenceManagement presence) {
        this.presence = presence;
    }

    @GetMapping("/api/v1/routing/agents")
    List<AgentRoutingResponse> list() {
        return presence.agents().stream().map(AgentRoutingResponse::of).toList();
    }

    @GetMapping("/api/v1/routing/agents/{id}")
    AgentRoutingResponse find(@PathVariable UUID id) {
        return AgentRoutingResponse.of(presence.agent(RoutingResponses.agent(id)));
    }

    /** Skills replace the agent's skills; a capacity of -1 goes back to the configured default. */
    @PatchMapping("/api/v1/routing/agents/{id}")
    AgentRoutingResponse change(@PathVariable UUID id, @Valid @RequestBody ChangeAgentRoutingRequest request) {
        var skills = request.skills() == null ? null : new LinkedHashSet<>(request.skills());
        return AgentRoutingResponse.of(presence.change(
                RoutingResponses.agent(id),
                new ChangeAgentRouting(skills, request.chatCapacity(), request.emailCapacity())));
    }
}
