package dev.casekeeper.followups;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseOpened;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.MessageReceived;
import dev.casekeeper.cases.OwnerChanged;
import dev.casekeeper.cases.StatusChanged;
import dev.casekeeper.events.Reactions;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
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
    private final Reactions reactions;

    FollowupCaseListener(FollowupQueries followups, Checkins checkins, RepeatContacts repeats, Reactions reactions) {
        this.followups = followups;
        this.checkins = checkins;
        this.repeats = repeats;
        this.reactions = reactions;
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

    /** In the transaction that opened the case: a repeat contact is known as soon as the case is (ADR 0015). */
    @EventListener
    void on(CaseOpened event) {
        reactions.run(() -> repeats.opened(event.caseId()), new RepeatCheckDeferred(event.caseId(), null));
    }

    /** Only a message that found its case solved can be a repeat contact on that case. */
    @EventListener(condition = "#event.statusBefore() == T(dev.casekeeper.cases.CaseStatus).SOLVED")
    void on(MessageReceived event) {
        reactions.run(
                () -> repeats.messageReceived(event.caseId(), event.entryId()),
                new RepeatCheckDeferred(event.caseId(), event.entryId()));
    }

    /** The check could not run with the case's change: again, after it committed. */
    @ApplicationModuleListener
    void on(RepeatCheckDeferred deferred) {
        if (deferred.entryId() == null) {
            repeats.opened(deferred.caseId());
        } else {
            repeats.messageReceived(deferred.caseId(), deferred.entryId());
        }
    }

    /** A repeat-contact check to run after the change committed: of a new case, or of a message ({@code entryId}) on a solved one. */
    record RepeatCheckDeferred(CaseId caseId, @Nullable UUID entryId) {}
}
