package dev.casekeeper.web;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentSignedIn;
import dev.casekeeper.agents.AgentSignedOut;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Tells the other modules when an agent signs in (with the form or their identity provider) or signs out, as the agents' own
 * events (routing sets their presence). Spring Security publishes both for the page sessions only;
 * API tokens neither sign in nor out.
 */
@Component
class SignInEvents {

    private final ApplicationEventPublisher events;

    SignInEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SessionAgent agent) {
            events.publishEvent(new AgentSignedIn(new AgentId(agent.agentId()), agent.signInMethod()));
        }
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SessionAgent agent) {
            events.publishEvent(new AgentSignedOut(new AgentId(agent.agentId())));
        }
    }
}
