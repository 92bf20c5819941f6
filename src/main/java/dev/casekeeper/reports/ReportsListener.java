package dev.casekeeper.reports;

import dev.casekeeper.callbacks.CallbackDone;
import dev.casekeeper.cases.CaseOpened;
import dev.casekeeper.cases.OwnerChanged;
import dev.casekeeper.cases.PriorityChanged;
import dev.casekeeper.cases.ReplyPosted;
import dev.casekeeper.cases.StatusChanged;
import dev.casekeeper.feedback.FeedbackGiven;
import dev.casekeeper.routing.ContactAbandoned;
import dev.casekeeper.routing.ContactAccepted;
import dev.casekeeper.routing.ContactEnded;
import dev.casekeeper.routing.ContactResumed;
import dev.casekeeper.sla.SlaBreached;
import dev.casekeeper.sla.SlaWarned;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps reporting's facts up to date: after each change that a figure counts commits, the case (or
 * the live contact) is read again and its rows rewritten. Durable, so a crash only delays a figure;
 * idempotent, because the rows are worked out again from scratch, never incremented.
 */
@Component
class ReportsListener {

    private final FactWriter facts;

    ReportsListener(FactWriter facts) {
        this.facts = facts;
    }

    @ApplicationModuleListener
    void on(CaseOpened event) {
        facts.refreshCase(event.caseId());
    }

    @ApplicationModuleListener
    void on(StatusChanged event) {
        facts.refreshCase(event.caseId());
    }

    @ApplicationModuleListener
    void on(OwnerChanged event) {
        facts.refreshCase(event.caseId());
    }

    @ApplicationModuleListener
    void on(PriorityChanged event) {
        facts.refreshCase(event.caseId());
    }

    /** Only a case's first reply changes a figure (its first response time), but a reply says nothing of being the first. */
    @ApplicationModuleListener
    void on(ReplyPosted event) {
        facts.refreshCase(event.caseId());
    }

    @ApplicationModuleListener
    void on(SlaWarned event) {
        facts.refreshCase(event.caseId());
    }

    @ApplicationModuleListener
    void on(SlaBreached event) {
        facts.refreshCase(event.caseId());
    }

    @ApplicationModuleListener
    void on(CallbackDone event) {
        facts.refreshCase(event.caseId());
    }

    @ApplicationModuleListener
    void on(FeedbackGiven event) {
        facts.refreshCase(event.caseId());
    }

    /** The hold is on the case's timeline by now (routing writes it with the resume). */
    @ApplicationModuleListener
    void on(ContactResumed event) {
        facts.refreshCase(event.caseId());
    }

    @ApplicationModuleListener
    void on(ContactAccepted event) {
        facts.refreshContact(event.contactId());
    }

    @ApplicationModuleListener
    void on(ContactEnded event) {
        facts.refreshContact(event.contactId());
    }

    @ApplicationModuleListener
    void on(ContactAbandoned event) {
        facts.refreshContact(event.contactId());
    }
}
