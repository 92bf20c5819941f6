package dev.casekeeper.agents.web;

import dev.casekeeper.agents.AgentId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends an agent's browser sign-ins after their password changed, on every node (sessions live in
 * PostgreSQL, indexed by the agent's id). The sign-in that made the change may be kept.
 */
@Component
public class AgentSessions {

    private static final Logger log = LoggerFactory.getLogger(AgentSessions.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AgentSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every browser sign-in of the agent. */
    public void endAll(AgentId agent) {
        endAllBut(agent, null);
    }

    /** Ends every browser sign-in of the agent except the given session. */
    public void endAllBut(AgentId agent, @Nullable String keep) {
        var ids = sessions.findByPrincipalName(agent.toString()).keySet().stream()
                .filter(id -> !id.equals(keep))
                .toList();
        ids.forEach(sessions::deleteById);
        if (!ids.isEmpty()) {
            log.info("Ended {} session(s) of agent {} after a password change", ids.size(), agent);
        }
    }
}
