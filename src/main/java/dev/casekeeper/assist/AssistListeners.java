package dev.casekeeper.assist;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.MessageReceived;
import dev.casekeeper.cases.ReplyPosted;
import dev.casekeeper.events.Reactions;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Scores the customer's messages in the transaction that received them, so a case is never shown
 * without its message's frustration score (ADR 0015); checks the agent's replies after they are
 * committed, which the reply's author does not wait for.
 */
@Component
class AssistListeners {

    private final MessageScoring scoring;
    private final ReplyCoaching coaching;
    private final Reactions reactions;

    AssistListeners(MessageScoring scoring, ReplyCoaching coaching, Reactions reactions) {
        this.scoring = scoring;
        this.coaching = coaching;
        this.reactions = reactions;
    }

    @EventListener
    void on(MessageReceived received) {
        reactions.run(
                () -> scoring.score(received.caseId(), received.entryId()),
                new ScoringDeferred(received.caseId(), received.entryId()));
    }

    /** The message could not be scored with its arrival: again, after it committed. */
    @ApplicationModuleListener
    void on(ScoringDeferred deferred) {
        scoring.score(deferred.caseId(), deferred.entryId());
    }

    @ApplicationModuleListener
    void on(ReplyPosted posted) {
        if (posted.authorId() == null) {
            return; // an automation's email: its text is the admin's template, not an agent's writing to coach
        }
        coaching.check(posted.caseId(), posted.entryId(), posted.authorId());
    }

    /** A customer message to be scored after its arrival committed, because scoring it with its arrival failed. */
    record ScoringDeferred(CaseId caseId, UUID entryId) {}
}
