package dev.casekeeper.agents;

import org.springframework.modulith.NamedInterface;

/** An agent confirmed a second factor with a first code, in the transaction that publishes this. */
@NamedInterface("events")
public record TwoFactorEnrolled(AgentId agentId) {}
