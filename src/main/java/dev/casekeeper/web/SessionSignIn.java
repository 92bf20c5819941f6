package dev.casekeeper.web;

import dev.casekeeper.agents.TwoFactorManagement;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The sign-in form: checks email and password, and keeps only the agent's id in the session. */
class SessionSignIn implements AuthenticationProvider {

    private final PasswordSignIn signIn;
    private final TwoFactorManagement twoFactor;

    SessionSignIn(PasswordSignIn signIn, TwoFactorManagement twoFactor) {
        this.signIn = signIn;
        this.twoFactor = twoFactor;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var agent = signIn.check(authentication);
        if (twoFactor.enrolled(agent.id())) {
            throw new SecondFactorRequired(agent.id().value());
        }
        var token = UsernamePasswordAuthenticationToken.authenticated(
                new SessionAgent(agent.id().value()),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + agent.role().name())));
        token.setDetails(authentication.getDetails());
        return token;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
