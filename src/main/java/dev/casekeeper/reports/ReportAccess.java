package dev.casekeeper.reports;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.shared.AccessDeniedException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who may see which figures: agents their own and their teams' totals, supervisors their teams'
 * (and their agents'), admins everything. Anything else is refused, never quietly narrowed.
 */
@Component
class ReportAccess {

    private final AgentManagement agents;

    ReportAccess(AgentManagement agents) {
        this.agents = agents;
    }

    /**
     * The teams the report may cover (null: the whole desk), for a request naming a team, an agent,
     * both or neither. Without either, an agent gets their own figures and a supervisor their teams'.
     */
    Scope scope(SignedInAgent me, @Nullable UUID team, @Nullable UUID agent) {
        Set<UUID> mine = me.teamIds().stream().map(TeamId::value).collect(Collectors.toSet());
        if (me.role() == Role.ADMIN) {
            return new Scope(team == null ? null : Set.of(team), agent);
        }
        if (team != null && !mine.contains(team)) {
            throw new AccessDeniedException("Reports of a team you are not in are for its supervisors and admins");
        }
        if (me.role() == Role.SUPERVISOR) {
            if (agent != null && !agent.equals(me.id().value()) && !sharesATeam(agent, mine)) {
                throw new AccessDeniedException("You see the figures of your own teams' agents only");
            }
            return new Scope(team == null ? mine : Set.of(team), agent);
        }
        if (agent != null && !agent.equals(me.id().value())) {
            throw new AccessDeniedException("You see your own figures and your teams' totals only");
        }
        if (team == null && agent == null) {
            return new Scope(null, me.id().value());
        }
        return new Scope(team == null ? null : Set.of(team), agent);
    }

    private boolean sharesATeam(UUID agent, Set<UUID> teams) {
        return agents.find(new AgentId(agent)).teamIds().stream()
                .map(TeamId::value)
                .anyMatch(teams::contains);
    }

    /** The teams (null for all) and the agent (null for all) a report covers. */
    record Scope(@Nullable Set<UUID> teams, @Nullable UUID agent) {}
}
