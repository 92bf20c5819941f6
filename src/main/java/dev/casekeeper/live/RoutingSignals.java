package dev.casekeeper.live;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
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
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns routing's events into live signals: the agent concerned hears that their offers,
 * invitations, holds or presence changed (the offer card, the presence control and the case page's
 * contact panel reload), and supervisors' pages hear that the queues changed, every such change
 * within the coalescing moment as one signal. Signals carry no content; a repeated one only reloads.
 */
@Component
class RoutingSignals {

    private final LiveBus bus;
    private final CaseLookup cases;

    RoutingSignals(LiveBus bus, CaseLookup cases) {
        this.bus = bus;
        this.cases = cases;
    }

    /** Pages showing the case reload its contact panel. */
    private void onCase(CaseId caseId) {
        cases.byId(caseId).ifPresent(kase -> bus.publish(LiveSignal.contact(caseId.value(), kase.number())));
    }

    @ApplicationModuleListener
    void on(ContactOffered event) {
        bus.publish(LiveSignal.routing(event.agentId().value()));
    }

    @ApplicationModuleListener
    void on(OfferEnded event) {
        bus.publish(LiveSignal.routing(event.agentId().value()));
    }

    @ApplicationModuleListener
    void on(ContactAccepted event) {
        onCase(event.caseId());
        bus.publish(LiveSignal.routing(event.agentId().value()));
    }

    @ApplicationModuleListener
    void on(ContactEnded event) {
        onCase(event.caseId());
        bus.publish(LiveSignal.routing(event.agentId().value()));
        bus.publish(LiveSignal.queues());
    }

    @ApplicationModuleListener
    void on(PresenceChanged event) {
        bus.publish(LiveSignal.routing(event.agentId().value()));
        bus.publish(LiveSignal.queues());
    }

    @ApplicationModuleListener
    void on(ContactHeld event) {
        onCase(event.caseId());
        bus.publish(LiveSignal.routing(event.agentId().value()));
        bus.publish(LiveSignal.queues());
    }

    @ApplicationModuleListener
    void on(ContactResumed event) {
        onCase(event.caseId());
        bus.publish(LiveSignal.routing(event.agentId().value()));
        bus.publish(LiveSignal.queues());
    }

    @ApplicationModuleListener
    void on(HoldLimitReached event) {
        onCase(event.caseId());
        bus.publish(LiveSignal.routing(event.agentId().value()));
        bus.publish(LiveSignal.queues());
    }

    @ApplicationModuleListener
    void on(ContactTransferred event) {
        onCase(event.caseId());
        bus.publish(LiveSignal.routing(event.fromAgentId().value()));
    }

    @ApplicationModuleListener
    void on(ColleagueInvited event) {
        onCase(event.caseId());
        bus.publish(LiveSignal.routing(event.toAgentId().value()));
        bus.publish(LiveSignal.routing(event.fromAgentId().value()));
    }

    @ApplicationModuleListener
    void on(InvitationAnswered event) {
        onCase(event.caseId());
        bus.publish(LiveSignal.routing(event.toAgentId().value()));
        bus.publish(LiveSignal.routing(event.fromAgentId().value()));
    }

    @ApplicationModuleListener
    void on(ColleagueJoined event) {
        onCase(event.caseId());
        bus.publish(LiveSignal.routing(event.agentId().value()));
        bus.publish(LiveSignal.queues());
    }

    @ApplicationModuleListener
    void on(AgentLeftContact event) {
        onCase(event.caseId());
        bus.publish(LiveSignal.routing(event.agentId().value()));
        bus.publish(LiveSignal.queues());
    }

    @ApplicationModuleListener
    void on(QueueChanged event) {
        bus.publish(LiveSignal.queues());
    }

    @ApplicationModuleListener
    void on(ContactAbandoned event) {
        bus.publish(LiveSignal.queues());
    }

    @ApplicationModuleListener
    void on(SupervisorRequested event) {
        onCase(event.caseId());
        bus.publish(LiveSignal.queues());
    }

    @ApplicationModuleListener
    void on(SupervisorRequestTaken event) {
        onCase(event.caseId());
        bus.publish(LiveSignal.queues());
    }
}
