package dev.casekeeper.agents.rest;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Team;
import dev.casekeeper.agents.TeamId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Teams and their members (admin only). */
@RestController
@RequestMapping("/api/v1/teams")
class TeamsRestController {

    record CreateTeamRequest(@NotBlank @Size(max = 200) String name) {}

    record RenameTeamRequest(@NotBlank @Size(max = 200) String name) {}

    record AddMemberRequest(@NotNull UUID agentId) {}

    record TeamResponse(UUID id, String name, List<UUID> memberIds, Instant createdAt) {
        static TeamResponse of(Team team) {
            return new TeamResponse(
                    team.id().value(),
                    team.name(),
                    team.memberIds().stream().map(AgentId::value).toList(),
                    team.createdAt());
        }
    }

    private final AgentManagement agents;

    TeamsRestController(AgentManagement agents) {
        this.agents = agents;
    }

    @PostMapping
    ResponseEntity<TeamResponse> create(@Valid @RequestBody CreateTeamRequest request) {
        var team = agents.createTeam(request.name());
        return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(TeamResponse.of(team));
    }

    @GetMapping
    List<TeamResponse> list() {
        return agents.teams().stream().map(TeamResponse::of).toList();
    }

    @GetMapping("/{id}")
    TeamResponse find(@PathVariable UUID id) {
        return TeamResponse.of(agents.findTeam(new TeamId(id)));
    }

    @PatchMapping("/{id}")
    TeamResponse rename(@PathVariable UUID id, @Valid @RequestBody RenameTeamRequest request) {
        return TeamResponse.of(agents.renameTeam(new TeamId(id), request.name()));
    }

    @PostMapping("/{id}/members")
    TeamResponse addMember(@PathVariable UUID id, @Valid @RequestBody AddMemberRequest request) {
        return TeamResponse.of(agents.addMember(new TeamId(id), new AgentId(request.agentId())));
    }

    @DeleteMapping("/{id}/members/{agentId}")
    TeamResponse removeMember(@PathVariable UUID id, @PathVariable UUID agentId) {
        return TeamResponse.of(agents.removeMember(new TeamId(id), new AgentId(agentId)));
    }
}
