package dev.casekeeper.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Business-time arithmetic over a calendar: how much open time lies between two instants, and when
 * a given amount of open time has passed. Opening hours are local times in the calendar's zone;
 * what counts is the real time that passes inside them, so an hour skipped by a daylight-saving
 * change is not counted and an hour repeated is counted twice. A local time that does not exist
 * (in a spring-forward gap) opens or closes at the first instant after the gap.
 */
final class BusinessCalendar {

    /** How far ahead to look for open time before concluding there is none (holidays can close many days). */
    private static final int MAX_DAYS = 5 * 366;

    /** One stretch of open time, {@code [start, end)}. */
    record Window(Instant start, Instant end) {}

    private final ZoneId zone;
    private final Map<DayOfWeek, List<OpeningHours>> hours = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> dates = new HashSet<>();
    private final Set<MonthDay> yearly = new HashSet<>();

    BusinessCalendar(ZoneId zone, List<OpeningHours> openingHours, List<Holiday> holidays) {
        this.zone = zone;
        for (var stretch : openingHours) {
            hours.computeIfAbsent(stretch.day(), d -> new ArrayList<>()).add(stretch);
        }
        hours.values().forEach(list -> list.sort(Comparator.comparingInt(OpeningHours::fromMinute)));
        for (var holiday : holidays) {
            if (holiday.yearly()) {
                yearly.add(MonthDay.from(holiday.date()));
            } else {
                dates.add(holiday.date());
            }
        }
    }

    static BusinessCalendar of(SlaCalendar calendar) {
        return new BusinessCalendar(calendar.zone(), calendar.hours(), calendar.holidays());
    }

    /** Open every minute of every day, in UTC: business time is wall-clock time. */
    static BusinessCalendar always() {
        var all = new ArrayList<OpeningHours>();
        for (var day : DayOfWeek.values()) {
            all.add(new OpeningHours(day, 0, OpeningHours.END_OF_DAY));
        }
        return new BusinessCalendar(ZoneOffset.UTC, all, List.of());
    }

    ZoneId zone() {
        return zone;
    }

    boolean isHoliday(LocalDate date) {
        return dates.contains(date) || yearly.contains(MonthDay.from(date));
    }

    /** The open stretches of one local day, in order; none on a holiday. */
    List<Window> windows(LocalDate date) {
        if (isHoliday(date)) {
            return List.of();
        }
        var result = new ArrayList<Window>();
        for (var stretch : hours.getOrDefault(date.getDayOfWeek(), List.of())) {
            Instant start = instant(date, stretch.fromMinute());
            Instant end = instant(date, stretch.toMinute());
            if (end.isAfter(start)) {
                result.add(new Window(start, end));
            }
        }
        return result;
    }

    boolean isOpen(Instant at) {
        return windows(at.atZone(zone).toLocalDate()).stream()
                .anyMatch(w -> !at.isBefore(w.start()) && at.isBefore(w.end()));
    }

    /** Open time in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        for (LocalDate day = from.atZone(zone).toLocalDate(); !startOfDay(day).isAfter(to); day = day.plusDays(1)) {
            for (var window : windows(day)) {
                Instant start = max(window.start(), from);
                Instant end = min(window.end(), to);
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** The instant at which {@code amount} of open time has passed since {@code from}. */
    Instant plus(Instant from, Duration amount) {
        if (amount.isNegative() || amount.isZero()) {
            return from;
        }
        Duration left = amount;
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (var window : windows(day)) {
                Instant start = max(window.start(), from);
                if (!window.end().isAfter(start)) {
                    continue;
                }
                Duration open = Duration.between(start, window.end());
                if (left.compareTo(open) <= 0) {
                    return start.plus(left);
                }
                left = left.minus(open);
            }
        }
        throw new IllegalStateException("The calendar has no opening hours in the next " + MAX_DAYS + " days");
    }

    /** The opening of the {@code days}-th business day after the local day of {@code from}. */
    Instant openingOfBusinessDayAfter(Instant from, int days) {
        LocalDate day = from.atZone(zone).toLocalDate();
        int found = 0;
        for (int i = 0; i < MAX_DAYS; i++) {
            day = day.plusDays(1);
            var windows = windows(day);
            if (!windows.isEmpty() && ++found == days) {
                return windows.getFirst().start();
            }
        }
        throw new IllegalStateException("The calendar has no opening hours in the next " + MAX_DAYS + " days");
    }

    /** The close of the {@code days}-th business day after the local day of {@code from}: "within n working days". */
    Instant closeOfBusinessDayAfter(Instant from, int days) {
        LocalDate day = from.atZone(zone).toLocalDate();
        int found = 0;
        for (int i = 0; i < MAX_DAYS; i++) {
            day = day.plusDays(1);
            var windows = windows(day);
            if (!windows.isEmpty() && ++found == days) {
                return windows.getLast().end();
            }
        }
        throw new IllegalStateException("The calendar has no opening hours in the next " + MAX_DAYS + " days");
    }

    private Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    private Instant instant(LocalDate date, int minute) {
        if (minute >= OpeningHours.END_OF_DAY) {
            return startOfDay(date.plusDays(1));
        }
        var local = date.atTime(LocalTime.of(minute / 60, minute % 60));
        var rules = zone.getRules();
        if (rules.getValidOffsets(local).isEmpty()) {
            // In a spring-forward gap: the clock jumps past this time, so it happens at the jump.
            return rules.getTransition(local).getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
