package dev.casekeeper.web;

import java.io.Serializable;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who a browser session belongs to, as stored in the session: only the agent's id. Role and teams
 * are read afresh on every request, so a change (or a deactivation) applies at once on every node.
 * The name is the id, which is how a deactivated agent's sessions are found.
 */
record SessionAgent(UUID agentId) implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return agentId.toString();
    }
}
