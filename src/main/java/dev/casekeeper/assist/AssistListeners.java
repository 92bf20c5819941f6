package dev.casekeeper.assist;

import dev.casekeeper.cases.MessageReceived;
import dev.casekeeper.cases.ReplyPosted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Reacts to the case's messages after they are committed: scores the customer's, checks the agent's. */
@Component
class AssistListeners {

    private final MessageScoring scoring;
    private final ReplyCoaching coaching;

    AssistListeners(MessageScoring scoring, ReplyCoaching coaching) {
        this.scoring = scoring;
        this.coaching = coaching;
    }

    @ApplicationModuleListener
    void on(MessageReceived received) {
        scoring.score(received.caseId(), received.entryId());
    }

    @ApplicationModuleListener
    void on(ReplyPosted posted) {
        coaching.check(posted.caseId(), posted.entryId(), posted.authorId());
    }
}
