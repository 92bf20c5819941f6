package dev.casekeeper.agents;

/** An agent was deactivated: their API tokens are revoked; their sign-ins end. */
public record AgentDeactivated(AgentId agentId) {}
