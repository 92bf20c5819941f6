package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentSignedIn;
import dev.casekeeper.agents.AgentSignedOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An agent who signs out is not there: they become Away, so no contact is offered to an empty chair
 * (offers still open to them go back to the queue). Signing in leaves them Away, unless the desk
 * chose {@code casekeeper.routing.available-on-sign-in}: then they start Available. Both run while
 * the sign-in or sign-out is answered; a failure here is logged and never stops the person signing
 * in or out.
 */
@Component
class PresenceOnSignIn {

    private static final Logger log = LoggerFactory.getLogger(PresenceOnSignIn.class);

    private final AgentPresence presence;
    private final AgentStateQueries states;
    private final PresenceSettings settings;

    PresenceOnSignIn(AgentPresence presence, AgentStateQueries states, PresenceSettings settings) {
        this.presence = presence;
        this.states = states;
        this.settings = settings;
    }

    @EventListener
    void on(AgentSignedOut event) {
        var agent = event.agentId();
        try {
            var state = states.find(agent.value());
            if (state.isPresent() && state.get().presence() != Presence.AWAY) {
                presence.set(agent, Presence.AWAY);
                log.info("Agent {} signed out and is Away now", agent);
            }
        } catch (RuntimeException e) {
            log.error("Agent {} signed out but could not be set Away", agent, e);
        }
    }

    @EventListener
    void on(AgentSignedIn event) {
        if (!settings.availableOnSignIn()) {
            return;
        }
        var agent = event.agentId();
        try {
            presence.set(agent, Presence.AVAILABLE);
            log.info("Agent {} signed in and starts Available", agent);
        } catch (RuntimeException e) {
            log.error("Agent {} signed in but could not be set Available", agent, e);
        }
    }
}
