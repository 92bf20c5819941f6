package dev.casekeeper.assist;

import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the customer's frustration moved over a case: every scored message, oldest first, and
 * whether the case is heated now.
 */
public record FrustrationTrend(
        CaseId caseId, boolean heated, @Nullable Instant heatedAt, List<MessageFrustration> messages) {

    /** The score of the customer's latest message, or null when none was scored yet. */
    public @Nullable FrustrationScore latest() {
        return messages.isEmpty() ? null : messages.getLast().score();
    }
}
