package dev.casekeeper.cases;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A duplicate ({@code source}) merged into another case ({@code target}): the duplicate is closed
 * and its timeline shows on the target. {@code undoableUntil} is when a supervisor may no longer
 * undo it; null once it is undone.
 */
public record CaseMerge(
        UUID id,
        CaseId sourceId,
        long sourceNumber,
        CaseId targetId,
        long targetNumber,
        Instant mergedAt,
        @Nullable Instant undoneAt,
        @Nullable Instant undoableUntil) {

    public boolean standing() {
        return undoneAt == null;
    }
}
