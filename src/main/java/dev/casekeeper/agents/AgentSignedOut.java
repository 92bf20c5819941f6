package dev.casekeeper.agents;

import org.springframework.modulith.NamedInterface;

/** An agent signed out of the workspace (the sign-out button; not a session that merely expired). */
@NamedInterface("events")
public record AgentSignedOut(AgentId agentId) {}
