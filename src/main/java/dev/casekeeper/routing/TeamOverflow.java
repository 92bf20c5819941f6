package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Where a team's waiting contacts overflow to and after how long: read, checked and saved. */
@Component
class TeamOverflow {

    private final TeamSettingsQueries teamSettings;
    private final AgentManagement agents;
    private final Clock clock;

    TeamOverflow(TeamSettingsQueries teamSettings, AgentManagement agents, Clock clock) {
        this.teamSettings = teamSettings;
        this.agents = agents;
        this.clock = clock;
    }

    TeamRouting of(TeamId teamId) {
        agents.findTeam(teamId);
        return teamSettings.find(teamId.value());
    }

    TeamRouting set(TeamId teamId, @Nullable TeamId overflowTeamId, @Nullable Duration overflowAfter) {
        agents.findTeam(teamId);
        if ((overflowTeamId == null) != (overflowAfter == null)) {
            throw new InvalidInputException(
                    "overflowAfterSeconds", "give both an overflow team and a wait, or neither");
        }
        if (overflowTeamId != null) {
            if (overflowTeamId.equals(teamId)) {
                throw new InvalidInputException("overflowTeamId", "must be another team");
            }
            if (overflowAfter.toSeconds() < 1 || overflowAfter.toDays() > 1) {
                throw new InvalidInputException("overflowAfterSeconds", "must be between 1 second and 1 day");
            }
            try {
                agents.findTeam(overflowTeamId);
            } catch (NotFoundException e) {
                throw new InvalidInputException("overflowTeamId", "names a team that does not exist");
            }
        }
        teamSettings.save(
                teamId.value(), overflowTeamId == null ? null : overflowTeamId.value(), overflowAfter, clock.instant());
        return teamSettings.find(teamId.value());
    }
}
