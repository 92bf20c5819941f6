package dev.casekeeper.agents;

import org.springframework.modulith.NamedInterface;

/** An agent was added, in the transaction that publishes this. */
@NamedInterface("events")
public record AgentCreated(AgentId agentId, String email, Role role) {}
