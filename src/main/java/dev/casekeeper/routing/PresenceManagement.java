package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.shared.InvalidInputException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Agents as routing sees them: their presence, their capacity per channel and their skills. An agent
 * becoming available is offered waiting contacts at once; one going away loses the offers still open
 * to them.
 */
@Service
public class PresenceManagement {

    private final AgentPresence presence;
    private final AgentStateQueries agentStates;
    private final AgentManagement agents;

    PresenceManagement(AgentPresence presence, AgentStateQueries agentStates, AgentManagement agents) {
        this.presence = presence;
        this.agentStates = agentStates;
        this.agents = agents;
    }

    /** The agent's presence, capacities, load and skills (away with default capacities until they first set anything). */
    public AgentRouting agent(AgentId agentId) {
        agents.find(agentId);
        return presence.ensure(agentId);
    }

    /** Sets the agent's presence; anything but available withdraws the offers still open to them. */
    public AgentRouting setPresence(AgentId agentId, Presence value) {
        presence.set(agentId, value);
        return agent(agentId);
    }

    /** Sets an agent's skills and capacities (supervisors and admins). */
    public AgentRouting change(AgentId agentId, ChangeAgentRouting change) {
        agents.find(agentId);
        var skills = change.skills() == null ? List.<String>of() : Skills.normalize(change.skills(), "skills");
        presence.change(
                agentId,
                skills,
                capacity(change.chatCapacity(), "chatCapacity"),
                capacity(change.emailCapacity(), "emailCapacity"),
                change.chatCapacity() == null,
                change.emailCapacity() == null,
                change.skills() == null);
        return agent(agentId);
    }

    /** Every agent routing knows of, longest idle first. */
    public List<AgentRouting> agents() {
        return agentStates.list(null);
    }

    private static @Nullable Integer capacity(@Nullable Integer value, String field) {
        if (value == null || value == -1) {
            return null;
        }
        if (value < 0 || value > 100) {
            throw new InvalidInputException(field, "must be between 0 and 100 (or -1 for the default)");
        }
        return value;
    }
}
