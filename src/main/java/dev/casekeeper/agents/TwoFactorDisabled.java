package dev.casekeeper.agents;

import org.springframework.modulith.NamedInterface;

/** An agent turned their second factor off, in the transaction that publishes this. */
@NamedInterface("events")
public record TwoFactorDisabled(AgentId agentId) {}
