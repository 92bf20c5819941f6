package dev.casekeeper.callbacks.web;

import dev.casekeeper.callbacks.CallbackWindow;
import dev.casekeeper.shared.InvalidInputException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** A callback window typed in a form: two local date-times in the agent's zone (UTC when unknown). */
final class TypedWindow {

    private TypedWindow() {}

    /**
     * The window, or null when both ends are blank; one end alone or a bad date is refused on
     * {@code field} with {@code bothEnds} or "is not a date and time".
     */
    static @Nullable CallbackWindow parse(
            @Nullable String from, @Nullable String until, @Nullable String zone, String field, String bothEnds) {
        var zoneId = zoneId(zone);
        var start = instant(from, zoneId, field);
        var end = instant(until, zoneId, field);
        if (start == null && end == null) {
            return null;
        }
        if (start == null || end == null) {
            throw new InvalidInputException(field, bothEnds);
        }
        return new CallbackWindow(start, end);
    }

    private static @Nullable Instant instant(@Nullable String typed, ZoneId zone, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "is not a date and time");
        }
    }

    private static ZoneId zoneId(@Nullable String zone) {
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
