package dev.casekeeper.web;

import dev.casekeeper.agents.SignInMethod;
import java.io.Serializable;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who a browser session belongs to, as stored in the session: only the agent's id, and how they
 * signed in. Role and teams are read afresh on every request, so a change (or a deactivation)
 * applies at once on every node. The name is the id, which is how a deactivated agent's sessions are
 * found.
 *
 * @param method how the agent signed in; null in sessions stored before it was kept, all of them
 *     password sign-ins
 */
record SessionAgent(UUID agentId, @Nullable SignInMethod method) implements AuthenticatedPrincipal, Serializable {

    /** A sign-in with email and password. */
    SessionAgent(UUID agentId) {
        this(agentId, SignInMethod.PASSWORD);
    }

    SignInMethod signInMethod() {
        return method == null ? SignInMethod.PASSWORD : method;
    }

    @Override
    public String getName() {
        return agentId.toString();
    }
}
