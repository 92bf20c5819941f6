package dev.casekeeper.actions;

import dev.casekeeper.webhooks.SignedPost;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an attempt leaves behind, in one transaction: the attempt in the call's log, the call
 * delivered, due again or given up, and with the last two the action done or failed on its case.
 */
@Component
class ActionCallOutcomes {

    private final ActionCallQueries calls;
    private final ActionManagement actions;

    ActionCallOutcomes(ActionCallQueries calls, ActionManagement actions) {
        this.calls = calls;
        this.actions = actions;
    }

    @Transactional
    void record(ActionCallQueries.Taken call, SignedPost.Attempt attempt, @Nullable Instant retryAt) {
        boolean delivered = attempt.succeeded();
        calls.attempted(
                call, attempt.at(), attempt.status(), attempt.durationMs(), attempt.detail(), delivered, retryAt);
        if (delivered) {
            actions.callDelivered(call.actionId(), attempt.detail());
        } else if (retryAt == null) {
            actions.callGivenUp(call.actionId(), attempt.outcome());
        }
    }
}
