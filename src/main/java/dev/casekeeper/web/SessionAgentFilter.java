package dev.casekeeper.web;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignInMethod;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the agent id kept in a browser session into the agent as they are now: current role and
 * teams for this request. A session whose agent was deactivated ends here, on whichever node it
 * arrives. The request's context is a fresh one, so nothing of it is written back to the session. How
 * the agent signed in goes along as a request attribute ({@link SignInMethod#REQUEST_ATTRIBUTE}).
 */
class SessionAgentFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionAgentFilter.class);

    private final AgentManagement agents;

    SessionAgentFilter(AgentManagement agents) {
        this.agents = agents;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SessionAgent session) {
            var agent = agents.signedIn(new AgentId(session.agentId()));
            SecurityContextHolder.clearContext();
            if (agent.isEmpty()) {
                log.info("Session of agent {} ended: the agent is deactivated or gone", session.agentId());
                var httpSession = request.getSession(false);
                if (httpSession != null) {
                    httpSession.invalidate();
                }
            } else {
                request.setAttribute(SignInMethod.REQUEST_ATTRIBUTE, session.signInMethod());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(AgentAuthentication.of(agent.get()));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
