package dev.casekeeper.web;

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

    AgentPasswordAuthentication(PasswordSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        return AgentAuthentication.of(signIn.check(authentication));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
