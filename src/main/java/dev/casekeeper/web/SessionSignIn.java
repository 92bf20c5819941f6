package dev.casekeeper.web;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The sign-in form: checks email and password, and keeps only the agent's id in the session. */
class SessionSignIn implements AuthenticationProvider {

    private final PasswordSignIn signIn;

    SessionSignIn(PasswordSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var agent = signIn.check(authentication);
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
