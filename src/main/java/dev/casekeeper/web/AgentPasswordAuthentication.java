package dev.casekeeper.web;

import dev.casekeeper.agents.AgentManagement;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Checks an agent's email and password (HTTP Basic on token creation, and the sign-in form). */
@Component
class AgentPasswordAuthentication implements AuthenticationProvider {

    private final AgentManagement agents;

    AgentPasswordAuthentication(AgentManagement agents) {
        this.agents = agents;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        return agents.authenticate(authentication.getName(), password)
                .map(AgentAuthentication::of)
                .orElseThrow(() -> new BadCredentialsException("Wrong email or password, or the agent is deactivated"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
