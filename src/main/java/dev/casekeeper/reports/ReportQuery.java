package dev.casekeeper.reports;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a report covers: the days {@code from} to {@code to} (both included, the desk's zone), grouped
 * by {@code period}; {@code teams} null for the whole desk; the other filters null for all. A tag
 * narrows to the cases that have it now (and their moments and live contacts); so does a custom field's
 * value ({@code field}: the field's API key; {@code fieldValue}: the value as stored, as the JSON a
 * case's values must contain). {@code byField} (a dropdown or checkbox field's API key) also breaks the
 * whole report down by that field's values.
 */
record ReportQuery(
        LocalDate from,
        LocalDate to,
        Period period,
        @Nullable Set<UUID> teams,
        @Nullable UUID agent,
        @Nullable String channel,
        @Nullable String priority,
        @Nullable String tag,
        @Nullable FieldFilter field,
        @Nullable String byField) {

    ReportQuery(
            LocalDate from,
            LocalDate to,
            Period period,
            @Nullable Set<UUID> teams,
            @Nullable UUID agent,
            @Nullable String channel,
            @Nullable String priority,
            @Nullable String tag) {
        this(from, to, period, teams, agent, channel, priority, tag, null, null);
    }

    /**
     * A custom field's value a case must hold now: {@code value} as people typed it, {@code contained}
     * the JSON of the stored value that the case's values must contain (a multi-select holding it
     * among other options matches).
     */
    record FieldFilter(String key, String value, String contained) {}
}
