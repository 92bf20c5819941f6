package dev.casekeeper.assist;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.TeamId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who is alerted about a heated case: the active supervisors of the case's team; when the case
 * has no team or its team has no supervisor, every active supervisor; when there is no supervisor
 * at all, the admins, so an alert always reaches someone who can act.
 */
@Component
class Supervisors {

    private final AgentManagement agents;

    Supervisors(AgentManagement agents) {
        this.agents = agents;
    }

    List<AgentId> of(@Nullable TeamId team) {
        var active = agents.list().stream().filter(Agent::active).toList();
        var supervisors =
                active.stream().filter(a -> a.role() == Role.SUPERVISOR).toList();
        var ofTeam = team == null
                ? List.<Agent>of()
                : supervisors.stream().filter(a -> a.teamIds().contains(team)).toList();
        if (!ofTeam.isEmpty()) {
            return ofTeam.stream().map(Agent::id).toList();
        }
        if (!supervisors.isEmpty()) {
            return supervisors.stream().map(Agent::id).toList();
        }
        return active.stream()
                .filter(a -> a.role() == Role.ADMIN)
                .map(Agent::id)
                .toList();
    }
}
