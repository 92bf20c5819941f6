package dev.casekeeper.sla;

import dev.casekeeper.shared.InvalidInputException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;

/** What makes a calendar usable: a name, a known zone, some opening hours, none overlapping, named holidays. */
final class CalendarRules {

    private CalendarRules() {}

    static void check(SaveCalendar calendar) {
        if (calendar.name().isBlank()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        try {
            ZoneId.of(calendar.zone().strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException(
                    "zone", "'" + calendar.zone() + "' is not a time zone; use a region such as Europe/Berlin");
        }
        if (calendar.hours().isEmpty()) {
            throw new InvalidInputException("hours", "give at least one stretch of opening hours");
        }
        for (int i = 0; i < calendar.hours().size(); i++) {
            var stretch = calendar.hours().get(i);
            if (stretch.fromMinute() < 0
                    || stretch.toMinute() > OpeningHours.END_OF_DAY
                    || stretch.fromMinute() >= stretch.toMinute()) {
                throw new InvalidInputException(
                        "hours[" + i + "]", "must open before it closes, within the day (00:00 to 24:00)");
            }
        }
        for (var day : DayOfWeek.values()) {
            var stretches = new ArrayList<>(
                    calendar.hours().stream().filter(h -> h.day() == day).toList());
            stretches.sort(Comparator.comparingInt(OpeningHours::fromMinute));
            for (int i = 1; i < stretches.size(); i++) {
                var before = stretches.get(i - 1);
                var after = stretches.get(i);
                if (after.fromMinute() < before.toMinute()) {
                    throw new InvalidInputException(
                            "hours",
                            day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + before.from() + "-" + before.to()
                                    + " overlaps " + after.from() + "-" + after.to());
                }
            }
        }
        for (int i = 0; i < calendar.holidays().size(); i++) {
            if (calendar.holidays().get(i).name().isBlank()) {
                throw new InvalidInputException("holidays[" + i + "].name", "must not be blank");
            }
        }
    }
}
