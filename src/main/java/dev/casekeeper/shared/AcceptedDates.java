package dev.casekeeper.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * The dates Casekeeper takes: 1970-01-01 to 9999-12-31 (UTC for times). Anything outside is a
 * typing mistake or a probe, not a promise or a holiday; PostgreSQL and {@code java.sql.Timestamp}
 * would refuse or shift it (docs/adr/0014-bad-input-at-the-edges.md).
 */
public final class AcceptedDates {

    public static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** What a refusal says about the value, after the field's name. */
    public static final String PROBLEM = "must be between 1970-01-01 and 9999-12-31";

    private AcceptedDates() {}

    public static boolean contains(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
    }

    /** A time is taken by its instant, a date or local date-time by its day; anything else (a time of day) is taken. */
    public static boolean contains(TemporalAccessor value) {
        if (value instanceof Instant instant) {
            return contains(instant);
        }
        if (value.isSupported(ChronoField.INSTANT_SECONDS)) {
            return contains(Instant.ofEpochSecond(value.getLong(ChronoField.INSTANT_SECONDS)));
        }
        if (value.isSupported(ChronoField.EPOCH_DAY)) {
            return contains(LocalDate.ofEpochDay(value.getLong(ChronoField.EPOCH_DAY)));
        }
        return true;
    }
}
