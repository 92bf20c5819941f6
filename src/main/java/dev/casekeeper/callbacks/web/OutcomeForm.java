package dev.casekeeper.callbacks.web;

import dev.casekeeper.callbacks.Callback;
import dev.casekeeper.callbacks.CallbackWindow;
import dev.casekeeper.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What a call came to, as typed on the page: the outcome, a note, and for no answer the next try's
 * window in the agent's own zone ({@code zone} is filled in by the page from the browser; without
 * script the times count as UTC).
 */
record OutcomeForm(
        @Nullable String outcome,
        @Nullable String note,
        @Nullable String retryFrom,
        @Nullable String retryUntil,
        @Nullable String zone) {

    Callback.@Nullable Outcome chosenOutcome() {
        if (outcome == null || outcome.isBlank()) {
            return null;
        }
        try {
            return Callback.Outcome.from(outcome);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("outcome", "say what the call came to");
        }
    }

    @Nullable
    CallbackWindow retry() {
        return TypedWindow.parse(
                retryFrom, retryUntil, zone, "retryFrom", "give both the start and the end of the next try's window");
    }
}
