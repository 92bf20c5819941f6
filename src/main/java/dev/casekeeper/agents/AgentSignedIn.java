package dev.casekeeper.agents;

import org.springframework.modulith.NamedInterface;

/** An agent signed in to the workspace with the sign-in form or their identity provider (not an API token). */
@NamedInterface("events")
public record AgentSignedIn(AgentId agentId, SignInMethod method) {

    /** A sign-in with email and password. */
    public AgentSignedIn(AgentId agentId) {
        this(agentId, SignInMethod.PASSWORD);
    }
}
