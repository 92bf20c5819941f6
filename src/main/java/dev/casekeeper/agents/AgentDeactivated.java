package dev.casekeeper.agents;

import org.springframework.modulith.NamedInterface;

/** An agent was deactivated: their API tokens are revoked; their sign-ins end. */
@NamedInterface("events")
public record AgentDeactivated(AgentId agentId) {}
