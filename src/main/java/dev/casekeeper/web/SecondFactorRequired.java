package dev.casekeeper.web;

import java.util.UUID;
import org.springframework.security.core.AuthenticationException;

/**
 * The password was right and the agent has a second factor: the sign-in is not done until a code
 * is given ({@link SecondFactorController}). Not a failure: no failure event is published for it.
 */
class SecondFactorRequired extends AuthenticationException {

    private final UUID agentId;

    SecondFactorRequired(UUID agentId) {
        super("A code from the agent's authenticator app is needed");
        this.agentId = agentId;
    }

    UUID agentId() {
        return agentId;
    }
}
