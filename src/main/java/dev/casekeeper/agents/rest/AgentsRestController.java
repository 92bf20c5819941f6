package dev.casekeeper.agents.rest;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.ChangeAgent;
import dev.casekeeper.agents.CreateAgent;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Agents (admin only, except reading oneself). */
@RestController
@RequestMapping("/api/v1/agents")
class AgentsRestController {

    record CreateAgentRequest(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String password,
            @Nullable String role) {}

    record ChangeAgentRequest(
            @Email @Size(min = 3, max = 320) @Nullable String email,
            @Size(min = 1, max = 200) @Nullable String name,
            @Nullable String role,
            @Nullable Boolean active,
            @Size(max = 200) @Nullable String password) {}

    record AgentResponse(
            UUID id, String email, String name, String role, boolean active, List<UUID> teamIds, Instant createdAt) {
        static AgentResponse of(Agent agent) {
            return new AgentResponse(
                    agent.id().value(),
                    agent.email(),
                    agent.name(),
                    agent.role().value(),
                    agent.active(),
                    agent.teamIds().stream().map(TeamId::value).toList(),
                    agent.createdAt());
        }
    }

    private final AgentManagement agents;

    AgentsRestController(AgentManagement agents) {
        this.agents = agents;
    }

    @PostMapping
    ResponseEntity<AgentResponse> create(@Valid @RequestBody CreateAgentRequest request) {
        var agent = agents.create(new CreateAgent(
                request.email(),
                request.name(),
                request.password(),
                request.role() == null ? Role.AGENT : role(request.role())));
        return ResponseEntity.created(URI.create("/api/v1/agents/" + agent.id()))
                .body(AgentResponse.of(agent));
    }

    @GetMapping
    List<AgentResponse> list() {
        return agents.list().stream().map(AgentResponse::of).toList();
    }

    @GetMapping("/me")
    AgentResponse me(@AuthenticationPrincipal SignedInAgent me) {
        return AgentResponse.of(agents.find(me.id()));
    }

    @GetMapping("/{id}")
    AgentResponse find(@PathVariable UUID id) {
        return AgentResponse.of(agents.find(new AgentId(id)));
    }

    @PatchMapping("/{id}")
    AgentResponse change(@PathVariable UUID id, @Valid @RequestBody ChangeAgentRequest request) {
        var agentId = new AgentId(id);
        agents.find(agentId);
        var role = request.role() == null ? null : role(request.role());
        return AgentResponse.of(agents.change(
                agentId, new ChangeAgent(request.email(), request.name(), role, request.active(), request.password())));
    }

    static Role role(String value) {
        try {
            return Role.from(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "must be one of agent, supervisor, admin");
        }
    }
}
