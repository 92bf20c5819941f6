package dev.casekeeper.web;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.shared.StorableText;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks an email and password through the throttle: a locked account or address is refused
 * before the password is looked at, and every failure is counted.
 */
@Component
class PasswordSignIn {

    private final AgentManagement agents;
    private final SignInThrottle throttle;

    PasswordSignIn(AgentManagement agents, SignInThrottle throttle) {
        this.agents = agents;
        this.throttle = throttle;
    }

    SignedInAgent check(Authentication attempt) {
        String email = attempt.getName() == null ? "" : attempt.getName();
        String password =
                attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress()
                : "unknown";
        if (!StorableText.isStorable(email) || !StorableText.isStorable(password)) {
            // No agent has such an email or password (both are refused when set), so nothing to look up or count.
            throw new BadCredentialsException("Wrong email or password, or the agent is deactivated");
        }
        var locked = throttle.lockedFor(email, address);
        if (locked.isPresent()) {
            throw new SignInLockedException(locked.get());
        }
        var agent = agents.authenticate(email, password);
        if (agent.isEmpty()) {
            throttle.failed(email, address);
            throw new BadCredentialsException("Wrong email or password, or the agent is deactivated");
        }
        throttle.succeeded(email);
        return agent.get();
    }
}
