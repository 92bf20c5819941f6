package dev.casekeeper.web;

import dev.casekeeper.agents.AgentManagement;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a request in by its {@code Authorization: Bearer} API token. A token that is unknown,
 * revoked, or belongs to a deactivated agent is refused at once with 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AgentManagement agents;
    private final ProblemAuthenticationEntryPoint problems;

    BearerTokenFilter(AgentManagement agents, ProblemAuthenticationEntryPoint problems) {
        this.agents = agents;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        var agent = agents.authenticateToken(header.substring(BEARER.length()).strip());
        if (agent.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.UNAUTHORIZED,
                            "invalid-token",
                            "The API token is unknown, revoked, or its agent is deactivated"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(AgentAuthentication.of(agent.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
