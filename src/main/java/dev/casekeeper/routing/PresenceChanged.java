package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;

/** An agent's presence changed. */
public record PresenceChanged(AgentId agentId, Presence presence) {}
