package dev.casekeeper.live;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.routing.AgentLeftContact;
import dev.casekeeper.routing.ColleagueInvited;
import dev.casekeeper.routing.ColleagueJoined;
import dev.casekeeper.routing.ContactAbandoned;
import dev.casekeeper.routing.ContactAccepted;
import dev.casekeeper.routing.ContactEnded;
import dev.casekeeper.routing.ContactHeld;
import dev.casekeeper.routing.ContactOffered;
import dev.casekeeper.routing.ContactResumed;
import dev.casekeeper.routing.ContactTransferred;
import dev.casekeeper.routing.HoldLimitReached;
import dev.casekeeper.routing.InvitationAnswered;
import dev.casekeeper.routing.OfferEnded;
import dev.casekeeper.routing.PresenceChanged;
import dev.casekeeper.routing.QueueChanged;
import dev.casekeeper.routing.SupervisorRequestTaken;
import dev.casekeeper.routing.SupervisorRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns routing's events into live signals: the agent concerned hears that their offers,
 * invitations, holds or presence changed (the offer card, the presence control and the case page's
 * contact panel reload), and supervisors' pages hear that the queues changed, every such change
 * within the coalescing moment as one signal. Signals carry no content; a repeated one only reloads.
 *
 * <p>Plain listeners, not event publications: a page refresh lost with a node is made good by the
 * page's next reload, so it is not worth a row in the publication registry (STYLE.md, "Durable or
 * live, not both"). They run in routing's transaction and only register the signal, which goes out
 * when that transaction commits.
 */
@Component
class RoutingSignals {

    private final LiveSignalRelay relay;

    RoutingSignals(LiveSignalRelay relay) {
        this.relay = relay;
    }

    /** Pages showing the case reload its contact panel. */
    private void onCase(CaseId caseId) {
        relay.publish(LiveSignal.contact(caseId.value()));
    }

    @EventListener
    void on(ContactOffered event) {
        relay.publish(LiveSignal.routing(event.agentId().value()));
    }

    @EventListener
    void on(OfferEnded event) {
        relay.publish(LiveSignal.routing(event.agentId().value()));
    }

    @EventListener
    void on(ContactAccepted event) {
        onCase(event.caseId());
        relay.publish(LiveSignal.routing(event.agentId().value()));
    }

    @EventListener
    void on(ContactEnded event) {
        onCase(event.caseId());
        relay.publish(LiveSignal.routing(event.agentId().value()));
        relay.publish(LiveSignal.queues());
    }

    @EventListener
    void on(PresenceChanged event) {
        relay.publish(LiveSignal.routing(event.agentId().value()));
        relay.publish(LiveSignal.queues());
    }

    @EventListener
    void on(ContactHeld event) {
        onCase(event.caseId());
        relay.publish(LiveSignal.routing(event.agentId().value()));
        relay.publish(LiveSignal.queues());
    }

    @EventListener
    void on(ContactResumed event) {
        onCase(event.caseId());
        relay.publish(LiveSignal.routing(event.agentId().value()));
        relay.publish(LiveSignal.queues());
    }

    @EventListener
    void on(HoldLimitReached event) {
        onCase(event.caseId());
        relay.publish(LiveSignal.routing(event.agentId().value()));
        relay.publish(LiveSignal.queues());
    }

    @EventListener
    void on(ContactTransferred event) {
        onCase(event.caseId());
        relay.publish(LiveSignal.routing(event.fromAgentId().value()));
    }

    @EventListener
    void on(ColleagueInvited event) {
        onCase(event.caseId());
        relay.publish(LiveSignal.routing(event.toAgentId().value()));
        relay.publish(LiveSignal.routing(event.fromAgentId().value()));
    }

    @EventListener
    void on(InvitationAnswered event) {
        onCase(event.caseId());
        relay.publish(LiveSignal.routing(event.toAgentId().value()));
        relay.publish(LiveSignal.routing(event.fromAgentId().value()));
    }

    @EventListener
    void on(ColleagueJoined event) {
        onCase(event.caseId());
        relay.publish(LiveSignal.routing(event.agentId().value()));
        relay.publish(LiveSignal.queues());
    }

    @EventListener
    void on(AgentLeftContact event) {
        onCase(event.caseId());
        relay.publish(LiveSignal.routing(event.agentId().value()));
        relay.publish(LiveSignal.queues());
    }

    @EventListener
    void on(QueueChanged event) {
        relay.publish(LiveSignal.queues());
    }

    @EventListener
    void on(ContactAbandoned event) {
        relay.publish(LiveSignal.queues());
    }

    @EventListener
    void on(SupervisorRequested event) {
        onCase(event.caseId());
        relay.publish(LiveSignal.queues());
    }

    @EventListener
    void on(SupervisorRequestTaken event) {
        onCase(event.caseId());
        relay.publish(LiveSignal.queues());
    }
}
