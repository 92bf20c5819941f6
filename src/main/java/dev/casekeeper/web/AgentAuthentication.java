package dev.casekeeper.web;

import dev.casekeeper.agents.SignedInAgent;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A signed-in agent as Spring Security sees it: the agent is the principal, the role its authority. */
final class AgentAuthentication {

    private AgentAuthentication() {}

    static UsernamePasswordAuthenticationToken of(SignedInAgent agent) {
        return UsernamePasswordAuthenticationToken.authenticated(
                agent,
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + agent.role().name())));
    }
}
