package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import java.time.Instant;
import java.util.List;

/**
 * An agent as routing sees them: presence and since when, effective capacity and current load per
 * channel (offers pending count as load), skills, and the teams whose queues they serve.
 */
public record AgentRouting(
        AgentId agentId,
        Presence presence,
        Instant presenceSince,
        Instant idleSince,
        int chatCapacity,
        int emailCapacity,
        int chatLoad,
        int emailLoad,
        List<String> skills,
        List<TeamId> teamIds) {}
