package dev.casekeeper.cases;

import org.jspecify.annotations.Nullable;

/**
 * Merge the duplicate {@code sourceId} into {@code targetId}. With a {@code message}, the duplicate's
 * customer is told once, by a reply on the duplicate before it closes.
 */
public record MergeCases(
        CaseId sourceId, CaseId targetId, @Nullable String message) {}
