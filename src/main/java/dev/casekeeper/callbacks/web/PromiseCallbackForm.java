package dev.casekeeper.callbacks.web;

import dev.casekeeper.callbacks.CallbackWindow;
import dev.casekeeper.shared.InvalidInputException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * A callback promised on the case page: where to call, and the window in the agent's own zone
 * ({@code zone} is filled in by the page from the browser; without script the times count as UTC).
 * Without a window, the default one from now.
 */
public record PromiseCallbackForm(
        @Nullable String phone,
        @Nullable String email,
        @Nullable String windowFrom,
        @Nullable String windowUntil,
        @Nullable String note,
        @Nullable String zone) {

    static PromiseCallbackForm empty() {
        return new PromiseCallbackForm("", "", "", "", "", "");
    }

    @Nullable
    CallbackWindow window() {
        var from = instant(windowFrom);
        var until = instant(windowUntil);
        if (from == null && until == null) {
            return null;
        }
        if (from == null || until == null) {
            throw new InvalidInputException("windowFrom", "give both the start and the end of the window");
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
            throw new InvalidInputException("windowFrom", "is not a date and time");
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
