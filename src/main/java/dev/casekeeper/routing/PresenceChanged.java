package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import org.springframework.modulith.NamedInterface;

/** An agent's presence changed. */
@NamedInterface("events")
public record PresenceChanged(AgentId agentId, Presence presence) {}
