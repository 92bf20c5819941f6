package dev.casekeeper.web;

import dev.casekeeper.agents.AgentDeactivated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every browser session of a deactivated agent. Sessions live in PostgreSQL, so this reaches
 * sessions served by any node; running it twice deletes nothing more.
 */
@Component
class SessionsOfDeactivatedAgents {

    private static final Logger log = LoggerFactory.getLogger(SessionsOfDeactivatedAgents.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionsOfDeactivatedAgents(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @ApplicationModuleListener
    void on(AgentDeactivated event) {
        var ids = sessions.findByPrincipalName(event.agentId().toString()).keySet();
        ids.forEach(sessions::deleteById);
        if (!ids.isEmpty()) {
            log.info("Ended {} session(s) of deactivated agent {}", ids.size(), event.agentId());
        }
    }
}
