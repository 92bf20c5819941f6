package dev.casekeeper.reports;

import dev.casekeeper.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A report as asked for, in the words of a URL: {@code from} and {@code to} as ISO dates (by default
 * the last 30 days up to today, the desk's zone), {@code period} day, week or month, and ids or
 * names for the filters; {@code field} and {@code fieldValue} a custom field's API key and the value
 * a case holds, {@code byField} the API key of a dropdown or checkbox field to break the report down by
 * (both checked against the fields by {@link ReportFields}). Everything wrong with it is refused in one
 * answer.
 */
record ReportRequest(
        @Nullable String from,
        @Nullable String to,
        @Nullable String period,
        @Nullable String team,
        @Nullable String agent,
        @Nullable String channel,
        @Nullable String priority,
        @Nullable String tag,
        @Nullable String field,
        @Nullable String fieldValue,
        @Nullable String byField) {

    ReportRequest(
            @Nullable String from,
            @Nullable String to,
            @Nullable String period,
            @Nullable String team,
            @Nullable String agent,
            @Nullable String channel,
            @Nullable String priority,
            @Nullable String tag) {
        this(from, to, period, team, agent, channel, priority, tag, null, null, null);
    }

    ReportRequest(
            @Nullable String from,
            @Nullable String to,
            @Nullable String period,
            @Nullable String team,
            @Nullable String agent,
            @Nullable String channel,
            @Nullable String priority) {
        this(from, to, period, team, agent, channel, priority, null, null, null, null);
    }

    /** The longest report: two years of days. */
    static final int MAX_DAYS = 731;

    private static final Set<String> CHANNELS = Set.of("email", "chat", "phone", "web", "counter", "api");
    private static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");
    /** As cases store tags (lower case). */
    private static final java.util.regex.Pattern TAG =
            java.util.regex.Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N}_:.\\-]{0,49}$");

    /** The request checked, with the defaults filled in for {@code today}; custom fields by {@code fields}. */
    Parsed parse(LocalDate today, ReportFields fields) {
        var errors = new LinkedHashMap<String, String>();
        LocalDate end = date(to, "to", errors);
        LocalDate start = date(from, "from", errors);
        if (end == null) {
            end = today;
        }
        if (start == null) {
            start = end.minusDays(29);
        }
        if (start.isAfter(end)) {
            errors.put("from", "must not be after to");
        } else if (start.plusDays(MAX_DAYS).isBefore(end)) {
            errors.put("to", "a report covers at most " + MAX_DAYS + " days");
        }
        Period grouping = Period.DAY;
        if (period != null && !period.isBlank()) {
            try {
                grouping = Period.from(period.strip());
            } catch (IllegalArgumentException e) {
                errors.put("period", "must be day, week or month");
            }
        }
        UUID teamId = id(team, "team", errors);
        UUID agentId = id(agent, "agent", errors);
        String channelName = name(channel, "channel", CHANNELS, errors);
        String priorityName = name(priority, "priority", PRIORITIES, errors);
        String tagName = null;
        if (tag != null && !tag.isBlank()) {
            tagName = tag.strip().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(tagName).matches()) {
                errors.put("tag", "must be a tag: letters, digits, '-', '_', ':' or '.', at most 50");
            }
        }
        var custom = fields.check(field, fieldValue, byField, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Parsed(
                start,
                end,
                grouping,
                teamId,
                agentId,
                channelName,
                priorityName,
                tagName,
                custom.filter(),
                custom.byField());
    }

    record Parsed(
            LocalDate from,
            LocalDate to,
            Period period,
            @Nullable UUID team,
            @Nullable UUID agent,
            @Nullable String channel,
            @Nullable String priority,
            @Nullable String tag,
            ReportQuery.@Nullable FieldFilter field,
            @Nullable String byField) {

        ReportQuery query(ReportAccess.Scope scope) {
            return new ReportQuery(
                    from, to, period, scope.teams(), scope.agent(), channel, priority, tag, field, byField);
        }
    }

    private static @Nullable LocalDate date(@Nullable String text, String field, java.util.Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date like 2026-03-29");
            return null;
        }
    }

    private static @Nullable UUID id(@Nullable String text, String field, java.util.Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            errors.put(field, "must be an id");
            return null;
        }
    }

    private static @Nullable String name(
            @Nullable String text, String field, Set<String> allowed, java.util.Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            errors.put(
                    field,
                    "must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()));
            return null;
        }
        return value;
    }
}
