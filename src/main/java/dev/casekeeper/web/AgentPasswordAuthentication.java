package dev.casekeeper.web;

import dev.casekeeper.agents.TwoFactorManagement;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks an agent's email and password for HTTP Basic on token creation; the agent is the
 * principal. The only provider bean, so it is what the API chains' authentication manager uses.
 */
@Component
class AgentPasswordAuthentication implements AuthenticationProvider {

    private final PasswordSignIn signIn;
    private final TwoFactorManagement twoFactor;

    AgentPasswordAuthentication(PasswordSignIn signIn, TwoFactorManagement twoFactor) {
        this.signIn = signIn;
        this.twoFactor = twoFactor;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var agent = signIn.check(authentication);
        // A password alone does not mint a token for an agent with a second factor: they issue
        // tokens on their account page, signed in with both. Tokens they hold keep working.
        if (twoFactor.enrolled(agent.id())) {
            throw new SecondFactorRequired(agent.id().value());
        }
        return AgentAuthentication.of(agent);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
