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

    @ApplicationModuleListener
    void on(OwnerChanged event) {
        if (event.ownerId() != null) {
            followups.moveOpen(event.caseId(), event.ownerId());
        }
    }

    @ApplicationModuleListener
    void on(StatusChanged event) {
        if (event.to() == CaseStatus.SOLVED) {
            checkins.solved(event.caseId());
        }
    }

    @ApplicationModuleListener
    void on(CaseOpened event) {
        repeats.opened(event.caseId());
    }

    @ApplicationModuleListener
    void on(MessageReceived event) {
        repeats.messageReceived(event.caseId(), event.entryId());
    }
}
