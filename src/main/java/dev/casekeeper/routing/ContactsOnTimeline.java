package dev.casekeeper.routing;

import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.shared.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes what happened in a live contact on its case's timeline: a hold that ended (and whether it
 * ran past the limit) and the end of the contact. It listens in the transaction that ends them, so
 * the case says so exactly when it happened.
 */
@Component
class ContactsOnTimeline {

    private final CaseManagement cases;

    ContactsOnTimeline(CaseManagement cases) {
        this.cases = cases;
    }

    @EventListener
    void on(ContactResumed resumed) {
        cases.recordEvent(
                resumed.caseId(),
                Actor.agent(resumed.agentId().value()),
                new TimelineEvent.HoldEnded(resumed.heldFor(), resumed.pastLimit()));
    }

    @EventListener
    void on(ContactEnded ended) {
        cases.recordEvent(
                ended.caseId(),
                Actor.SYSTEM,
                new TimelineEvent.ContactEnded(ended.channel().value()));
    }
}
