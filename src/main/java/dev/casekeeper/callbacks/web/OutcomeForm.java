package dev.casekeeper.callbacks.web;

import dev.casekeeper.callbacks.Callback;
import dev.casekeeper.callbacks.CallbackWindow;
import dev.casekeeper.shared.InvalidInputException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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
        var from = instant(retryFrom);
        var until = instant(retryUntil);
        if (from == null && until == null) {
            return null;
        }
        if (from == null || until == null) {
            throw new InvalidInputException("retryFrom", "give both the start and the end of the next try's window");
        }
        return new CallbackWindow(from, until);
    }

    private @Nullable Instant instant(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed.strip()).atZone(zoneId()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("retryFrom", "is not a date and time");
        }
    }

    private ZoneId zoneId() {
        if (zone == null || zone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
