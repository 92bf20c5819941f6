package dev.casekeeper.followups;

import dev.casekeeper.cases.CaseOpened;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.MessageReceived;
import dev.casekeeper.cases.OwnerChanged;
import dev.casekeeper.cases.StatusChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follow-ups react to cases: promises move with the case to its new owner, solving sets the
 * check-in, and a customer writing again soon after solving is a repeat contact. Idempotent.
 *
 * <p>The conditions are tried when an event is published: events that cannot apply (an owner
 * removed, a status other than solved, a message that did not reopen a solved case) are not even
 * recorded for these listeners. What a listener records it still decides from the case itself.
 */
@Component
class FollowupCaseListener {

    private final FollowupQueries followups;
    private final Checkins checkins;
    private final RepeatContacts repeats;

    FollowupCaseListener(FollowupQueries followups, Checkins checkins, RepeatContacts repeats) {
        this.followups = followups;
        this.checkins = checkins;
        this.repeats = repeats;
    }

    @ApplicationModuleListener(condition = "#event.ownerId() != null")
    void on(OwnerChanged event) {
        if (event.ownerId() != null) {
            followups.moveOpen(event.caseId(), event.ownerId());
        }
    }

    @ApplicationModuleListener(condition = "#event.to() == T(dev.casekeeper.cases.CaseStatus).SOLVED")
    void on(StatusChanged event) {
        if (event.to() == CaseStatus.SOLVED) {
            checkins.solved(event.caseId());
        }
    }

    @ApplicationModuleListener
    void on(CaseOpened event) {
        repeats.opened(event.caseId());
    }

    /** Only a message that found its case solved can be a repeat contact on that case. */
    @ApplicationModuleListener(condition = "#event.statusBefore() == T(dev.casekeeper.cases.CaseStatus).SOLVED")
    void on(MessageReceived event) {
        repeats.messageReceived(event.caseId(), event.entryId());
    }
}
