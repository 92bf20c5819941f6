package dev.casekeeper.agents;

import org.springframework.modulith.NamedInterface;

/** An agent's role changed, in the transaction that publishes this. */
@NamedInterface("events")
public record AgentRoleChanged(AgentId agentId, Role from, Role to) {}
