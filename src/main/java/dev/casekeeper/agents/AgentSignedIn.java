package dev.casekeeper.agents;

import org.springframework.modulith.NamedInterface;

/** An agent signed in to the workspace with the sign-in form (not an API token). */
@NamedInterface("events")
public record AgentSignedIn(AgentId agentId) {}
