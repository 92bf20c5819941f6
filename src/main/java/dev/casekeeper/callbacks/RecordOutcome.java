package dev.casekeeper.callbacks;

import org.jspecify.annotations.Nullable;

/**
 * What a call came to. {@link Callback.Outcome#NO_ANSWER} with a {@code retry} window plans the next
 * try (the callback stays open); without one it closes the task, and the note says why.
 */
public record RecordOutcome(
        Callback.Outcome outcome,
        @Nullable String note,
        @Nullable CallbackWindow retry) {}
