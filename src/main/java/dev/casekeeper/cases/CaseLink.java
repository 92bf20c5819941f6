package dev.casekeeper.cases;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Two related cases: a problem ({@code parent}) and an incident it causes ({@code child}).
 * {@code undoableUntil} is when a supervisor may no longer remove the link; null once it is removed.
 */
public record CaseLink(
        UUID id,
        CaseId parentId,
        long parentNumber,
        CaseId childId,
        long childNumber,
        Instant linkedAt,
        @Nullable Instant unlinkedAt,
        @Nullable Instant undoableUntil) {

    public boolean standing() {
        return unlinkedAt == null;
    }
}
