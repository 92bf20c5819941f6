package dev.casekeeper.followups;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import java.time.Instant;
import java.util.List;

/** How many repeat contacts fell to each agent and team between two instants. */
public record RepeatContactCounts(
        Instant since, Instant until, long total, List<PerAgent> byAgent, List<PerTeam> byTeam) {

    public record PerAgent(AgentId agentId, String name, long count) {}

    public record PerTeam(TeamId teamId, String name, long count) {}
}
