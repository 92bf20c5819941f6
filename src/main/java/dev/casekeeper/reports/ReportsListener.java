package dev.casekeeper.reports;

import dev.casekeeper.assist.MessageScored;
import dev.casekeeper.callbacks.CallbackDone;
import dev.casekeeper.cases.CaseOpened;
import dev.casekeeper.cases.CaseUpdated;
import dev.casekeeper.cases.CustomFieldsChanged;
import dev.casekeeper.cases.OwnerChanged;
import dev.casekeeper.cases.PriorityChanged;
import dev.casekeeper.cases.ReplyPosted;
import dev.casekeeper.cases.StatusChanged;
import dev.casekeeper.feedback.FeedbackGiven;
import dev.casekeeper.routing.ContactAbandoned;
import dev.casekeeper.routing.ContactAccepted;
import dev.casekeeper.routing.ContactEnded;
import dev.casekeeper.routing.ContactResumed;
import dev.casekeeper.routing.SupervisorRequestTaken;
import dev.casekeeper.sla.SlaBreached;
import dev.casekeeper.sla.SlaWarned;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps reporting's facts up to date: each change that a figure counts has its case (or live
 * contact) read again and its rows rewritten just before the change commits, in its transaction
 * (ADR 0021): a crash loses both or neither, and no event publication is written for it. Idempotent,
 * because the rows are worked out again from scratch, never incremented.
 */
@Component
class ReportsListener {

    private final FactsAtCommit atCommit;
    private final FactWriter facts;

    ReportsListener(FactsAtCommit atCommit, FactWriter facts) {
        this.atCommit = atCommit;
        this.facts = facts;
    }

    @EventListener
    void on(CaseOpened event) {
        atCommit.caseOpened(event.caseId());
    }

    /** Published with every change of a case; reports need it for the changes no other event tells of (tags). */
    @EventListener
    void on(CaseUpdated event) {
        atCommit.caseUpdated(event.caseId());
    }

    /** A case's custom field values: reports filter and break down by them (the case's row keeps them). */
    @EventListener
    void on(CustomFieldsChanged event) {
        atCommit.caseChanged(event.caseId());
    }

    @EventListener
    void on(StatusChanged event) {
        atCommit.caseChanged(event.caseId());
    }

    @EventListener
    void on(OwnerChanged event) {
        atCommit.caseChanged(event.caseId());
    }

    @EventListener
    void on(PriorityChanged event) {
        atCommit.caseChanged(event.caseId());
    }

    /** Only a case's first reply changes a figure (its first response time), but a reply says nothing of being the first. */
    @EventListener
    void on(ReplyPosted event) {
        atCommit.caseChanged(event.caseId());
    }

    @EventListener
    void on(SlaWarned event) {
        atCommit.caseChanged(event.caseId());
    }

    @EventListener
    void on(SlaBreached event) {
        atCommit.caseChanged(event.caseId());
    }

    @EventListener
    void on(CallbackDone event) {
        atCommit.caseChanged(event.caseId());
    }

    @EventListener
    void on(FeedbackGiven event) {
        atCommit.caseChanged(event.caseId());
    }

    /** A customer message's frustration score: the case's first and last, and when it first became heated. */
    @EventListener
    void on(MessageScored event) {
        atCommit.caseChanged(event.caseId());
    }

    /** Routing writes the supervisor's joining on the case's timeline in the same transaction. */
    @EventListener
    void on(SupervisorRequestTaken event) {
        atCommit.caseChanged(event.caseId());
    }

    /** Routing writes the hold on the case's timeline with the resume, in the same transaction. */
    @EventListener
    void on(ContactResumed event) {
        atCommit.caseChanged(event.caseId());
    }

    @EventListener
    void on(ContactAccepted event) {
        atCommit.contactChanged(event.contactId());
    }

    @EventListener
    void on(ContactEnded event) {
        atCommit.contactChanged(event.contactId());
    }

    @EventListener
    void on(ContactAbandoned event) {
        atCommit.contactChanged(event.contactId());
    }

    /** The facts could not be written with the change: again, after it committed. */
    @ApplicationModuleListener
    void on(FactsAtCommit.CaseFactsDeferred deferred) {
        facts.refreshCase(deferred.caseId());
    }

    @ApplicationModuleListener
    void on(FactsAtCommit.ContactFactsDeferred deferred) {
        facts.refreshContact(deferred.contactId());
    }
}
