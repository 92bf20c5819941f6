package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentDeactivated;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseOpened;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.StatusChanged;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Routing's reactions to other modules. Idempotent: a deactivated agent is set away once and stays
 * away; a solved case's contact ends once; an email case already queued keeps its contact.
 */
@Component
class RoutingListener {

    private final AgentStateQueries states;
    private final AgentPresence presence;
    private final ContactQueries contacts;
    private final ContactFlow flow;
    private final QueueManagement queues;
    private final CaseLookup cases;
    private final RoutingSettings settings;

    RoutingListener(
            AgentStateQueries states,
            AgentPresence presence,
            ContactQueries contacts,
            ContactFlow flow,
            QueueManagement queues,
            CaseLookup cases,
            RoutingSettings settings) {
        this.states = states;
        this.presence = presence;
        this.contacts = contacts;
        this.flow = flow;
        this.queues = queues;
        this.cases = cases;
        this.settings = settings;
    }

    /** A deactivated agent takes no more offers; those open to them go back to the queue. */
    @ApplicationModuleListener
    void on(AgentDeactivated event) {
        if (states.find(event.agentId().value()).isPresent()) {
            presence.set(event.agentId(), Presence.AWAY);
        }
    }

    /** A solved or closed case needs nobody any more: its contact ends and frees its agent's slot. */
    @ApplicationModuleListener(
            condition = "#event.to() == T(dev.casekeeper.cases.CaseStatus).SOLVED"
                    + " or #event.to() == T(dev.casekeeper.cases.CaseStatus).CLOSED")
    void on(StatusChanged event) {
        if (event.to() == CaseStatus.SOLVED || event.to() == CaseStatus.CLOSED) {
            contacts.liveOfCase(event.caseId().value()).ifPresent(contact -> flow.end(contact.id()));
        }
    }

    /**
     * With push assignment on, a new email case with a team waits in that team's queue for an agent with
     * email capacity. The condition is tried when the event is published, so other cases are not even
     * recorded for this listener; it names the settings bean as {@code @ConfigurationPropertiesScan}
     * registers it.
     */
    @ApplicationModuleListener(
            condition = "#event.teamId() != null"
                    + " and #event.channel() == T(dev.casekeeper.cases.Channel).EMAIL"
                    + " and @'casekeeper.routing-dev.casekeeper.routing.RoutingSettings'.emailPushAssignment()")
    void on(CaseOpened event) {
        if (!settings.emailPushAssignment() || event.channel() != Channel.EMAIL) {
            return;
        }
        var kase = cases.summary(event.caseId());
        if (kase.teamId() != null && kase.ownerId() == null) {
            queues.enqueue(new EnqueueContact(
                    new CaseId(event.caseId().value()),
                    RoutedChannel.EMAIL,
                    kase.teamId(),
                    Set.of(),
                    null,
                    null,
                    null));
        }
    }
}
