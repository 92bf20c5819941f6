package dev.casekeeper.followups.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * A promise as typed: what, and by when in the agent's own zone ({@code zone} is filled in by the
 * page from the browser; without script the time counts as UTC).
 */
record PromiseForm(
        @Nullable String text,
        @Nullable String dueAt,
        @Nullable String zone) {

    static PromiseForm empty() {
        return new PromiseForm("", "", "");
    }

    /** The due time as an instant, or null when it is missing or not a date and time. */
    @Nullable
    Instant due() {
        if (dueAt == null || dueAt.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(dueAt.strip()).atZone(zoneId()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
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
