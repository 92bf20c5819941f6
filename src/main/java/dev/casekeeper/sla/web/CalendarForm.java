package dev.casekeeper.sla.web;

import dev.casekeeper.shared.AcceptedDates;
import dev.casekeeper.sla.Holiday;
import dev.casekeeper.sla.OpeningHours;
import dev.casekeeper.sla.SaveCalendar;
import dev.casekeeper.sla.SlaCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/**
 * A business calendar as typed: the opening hours of each weekday as text ({@code 09:00-12:30,
 * 13:30-18:00}, empty for closed) and one holiday a line ({@code 2026-12-25 yearly Christmas}).
 */
record CalendarForm(
        @Nullable String name,
        @Nullable String zone,
        @Nullable Map<String, String> hours,
        @Nullable String holidays) {

    static final List<String> DAYS =
            java.util.Arrays.stream(DayOfWeek.values()).map(CalendarForm::key).toList();

    CalendarForm {
        // A form posted without the hours still shows every day, with the errors beside them.
        hours = hours == null ? new LinkedHashMap<>() : hours;
    }

    static CalendarForm empty() {
        var hours = new LinkedHashMap<String, String>();
        DAYS.forEach(day -> hours.put(day, day.equals("saturday") || day.equals("sunday") ? "" : "09:00-17:00"));
        return new CalendarForm("", "UTC", hours, "");
    }

    static CalendarForm of(SlaCalendar calendar) {
        var hours = new LinkedHashMap<String, String>();
        for (var day : DayOfWeek.values()) {
            hours.put(
                    key(day),
                    calendar.hours().stream()
                            .filter(h -> h.day() == day)
                            .map(h -> h.from() + "-" + h.to())
                            .collect(Collectors.joining(", ")));
        }
        String holidays = calendar.holidays().stream()
                .map(h -> h.date() + (h.yearly() ? " yearly " : " ") + h.name())
                .collect(Collectors.joining("\n"));
        return new CalendarForm(calendar.name(), calendar.zone().getId(), hours, holidays);
    }

    /** The command, or null when something typed cannot be read; each such field gets its error. */
    @Nullable
    SaveCalendar toCommand(BindingResult errors) {
        if (name == null || name.isBlank()) {
            errors.rejectValue("name", "calendars.error.name");
        }
        var stretches = new ArrayList<OpeningHours>();
        for (var day : DayOfWeek.values()) {
            String typed = hours == null ? null : hours.get(key(day));
            if (typed == null || typed.isBlank()) {
                continue;
            }
            for (String part : typed.split(",")) {
                var range = part.strip().split("\\s*[-–]\\s*");
                Integer from = range.length == 2 ? OpeningHours.minuteOf(range[0]) : null;
                Integer to = range.length == 2 ? OpeningHours.minuteOf(range[1]) : null;
                if (from == null || to == null) {
                    errors.rejectValue(
                            "hours[" + key(day) + "]", "calendars.error.hours", new Object[] {part.strip()}, null);
                    break;
                }
                if (from >= to) {
                    errors.rejectValue(
                            "hours[" + key(day) + "]", "calendars.error.order", new Object[] {part.strip()}, null);
                    break;
                }
                stretches.add(new OpeningHours(day, from, to));
            }
        }
        var days = new ArrayList<Holiday>();
        String[] lines = holidays == null ? new String[0] : holidays.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            var parts = line.split("\\s+", 2);
            try {
                var date = LocalDate.parse(parts[0]);
                if (!AcceptedDates.contains(date)) {
                    throw new DateTimeParseException("outside the accepted dates", parts[0], 0);
                }
                String rest = parts.length > 1 ? parts[1].strip() : "";
                boolean yearly = rest.toLowerCase(Locale.ROOT).startsWith("yearly");
                String label = yearly ? rest.substring("yearly".length()).strip() : rest;
                days.add(new Holiday(date, yearly, label));
            } catch (DateTimeParseException e) {
                errors.rejectValue("holidays", "calendars.error.holiday", new Object[] {i + 1, line}, null);
                break;
            }
        }
        if (errors.hasErrors()) {
            return null;
        }
        return new SaveCalendar(name == null ? "" : name, zone == null ? "" : zone, stretches, days);
    }

    static String key(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }
}
