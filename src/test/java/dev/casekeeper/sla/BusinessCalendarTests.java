package dev.casekeeper.sla;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Business-time arithmetic: weekends, holidays, split days, daylight-saving changes and zones. */
class BusinessCalendarTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void timeAfterFridayClosingContinuesOnMondayMorning() {
        var calendar = officeHours(BERLIN);
        var friday = at(BERLIN, "2026-06-12T16:00");

        assertThat(local(calendar, calendar.plus(friday, Duration.ofHours(2)))).isEqualTo("2026-06-15T10:00");
        assertThat(calendar.between(friday, at(BERLIN, "2026-06-15T10:00"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aTargetThatEndsExactlyAtClosingIsDueAtClosingNotTheNextMorning() {
        var calendar = officeHours(BERLIN);

        assertThat(local(calendar, calendar.plus(at(BERLIN, "2026-06-12T15:00"), Duration.ofHours(2))))
                .isEqualTo("2026-06-12T17:00");
    }

    @Test
    void timeStartedOnAWeekendCountsFromMondayOpening() {
        var calendar = officeHours(BERLIN);
        var saturday = at(BERLIN, "2026-06-13T11:00");

        assertThat(local(calendar, calendar.plus(saturday, Duration.ofMinutes(30))))
                .isEqualTo("2026-06-15T09:30");
        assertThat(calendar.between(saturday, at(BERLIN, "2026-06-14T23:00"))).isZero();
        assertThat(calendar.isOpen(saturday)).isFalse();
    }

    @Test
    void aWeekOfOfficeHoursIsFortyHours() {
        var calendar = officeHours(NEW_YORK);

        assertThat(calendar.between(at(NEW_YORK, "2026-06-08T00:00"), at(NEW_YORK, "2026-06-15T00:00")))
                .isEqualTo(Duration.ofHours(40));
    }

    @Test
    void holidaysOnADateAndEveryYearAreClosed() {
        var calendar = new BusinessCalendar(
                BERLIN,
                weekdays(9 * 60, 17 * 60),
                List.of(
                        new Holiday(LocalDate.of(2000, 12, 25), true, "Christmas Day"),
                        new Holiday(LocalDate.of(2026, 12, 28), false, "Bridge day")));
        var christmasEve = at(BERLIN, "2026-12-24T16:00");

        // 24th 16-17 (1h), 25th Christmas (yearly), 26-27 weekend, 28th bridge day: the rest on the 29th.
        assertThat(local(calendar, calendar.plus(christmasEve, Duration.ofHours(3))))
                .isEqualTo("2026-12-29T11:00");
        assertThat(calendar.between(at(BERLIN, "2028-12-25T00:00"), at(BERLIN, "2028-12-26T00:00")))
                .isZero();
        assertThat(calendar.isHoliday(LocalDate.of(2031, 12, 25))).isTrue();
        assertThat(calendar.isHoliday(LocalDate.of(2027, 12, 28))).isFalse();
    }

    @Test
    void aDayWithALunchBreakCountsOnlyItsOpenStretches() {
        var hours = new ArrayList<OpeningHours>();
        for (var day : List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)) {
            hours.add(new OpeningHours(day, 13 * 60, 17 * 60));
            hours.add(new OpeningHours(day, 9 * 60, 12 * 60));
        }
        var calendar = new BusinessCalendar(BERLIN, hours, List.of());

        assertThat(local(calendar, calendar.plus(at(BERLIN, "2026-06-10T11:00"), Duration.ofHours(2))))
                .isEqualTo("2026-06-10T14:00");
        assertThat(calendar.between(at(BERLIN, "2026-06-10T00:00"), at(BERLIN, "2026-06-11T00:00")))
                .isEqualTo(Duration.ofHours(7));
        assertThat(calendar.isOpen(at(BERLIN, "2026-06-10T12:30"))).isFalse();
    }

    @Test
    void theSpringForwardDayInBerlinHasTwentyThreeHours() {
        var calendar = allDay(BERLIN);
        var saturdayNoon = at(BERLIN, "2026-03-28T12:00");

        assertThat(calendar.between(saturdayNoon, at(BERLIN, "2026-03-29T12:00")))
                .isEqualTo(Duration.ofHours(23));
        assertThat(local(calendar, calendar.plus(saturdayNoon, Duration.ofHours(24))))
                .isEqualTo("2026-03-29T13:00");
    }

    @Test
    void theFallBackDayInBerlinHasTwentyFiveHours() {
        var calendar = allDay(BERLIN);

        assertThat(calendar.between(at(BERLIN, "2026-10-25T00:00"), at(BERLIN, "2026-10-26T00:00")))
                .isEqualTo(Duration.ofHours(25));
        assertThat(local(calendar, calendar.plus(at(BERLIN, "2026-10-24T12:00"), Duration.ofHours(24))))
                .isEqualTo("2026-10-25T11:00");
    }

    @Test
    void openingHoursInsideTheSkippedHourCountNothing() {
        // 02:00-03:00 does not exist in Berlin on 29 March 2026.
        var inTheGap =
                new BusinessCalendar(BERLIN, List.of(new OpeningHours(SUNDAY, 2 * 60 + 15, 2 * 60 + 45)), List.of());
        var acrossTheGap = new BusinessCalendar(BERLIN, List.of(new OpeningHours(SUNDAY, 60, 4 * 60)), List.of());
        var fromTheGap =
                new BusinessCalendar(BERLIN, List.of(new OpeningHours(SUNDAY, 2 * 60 + 30, 4 * 60)), List.of());
        var sunday = at(BERLIN, "2026-03-29T00:00");
        var monday = at(BERLIN, "2026-03-30T00:00");

        assertThat(inTheGap.between(sunday, monday)).isZero();
        assertThat(acrossTheGap.between(sunday, monday)).isEqualTo(Duration.ofHours(2));
        assertThat(fromTheGap.between(sunday, monday)).isEqualTo(Duration.ofHours(1));
        assertThat(fromTheGap.windows(LocalDate.of(2026, 3, 29)).getFirst().start())
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void theRepeatedHourInNewYorkCountsTwice() {
        // 01:00-02:00 happens twice in New York on 1 November 2026.
        var calendar = new BusinessCalendar(NEW_YORK, List.of(new OpeningHours(SUNDAY, 0, 3 * 60)), List.of());

        assertThat(calendar.between(at(NEW_YORK, "2026-11-01T00:00"), at(NEW_YORK, "2026-11-02T00:00")))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void officeHoursKeepTheirLocalTimesAcrossTheChangeInNewYork() {
        var calendar = officeHours(NEW_YORK);
        // Friday before the spring-forward Sunday (8 March 2026): the rest is due Monday, 10:00 local.
        var due = calendar.plus(at(NEW_YORK, "2026-03-06T16:00"), Duration.ofHours(2));

        assertThat(local(calendar, due)).isEqualTo("2026-03-09T10:00");
        assertThat(due).isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
        assertThat(calendar.plus(at(NEW_YORK, "2026-03-05T16:00"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-03-06T15:00:00Z"));
    }

    @Test
    void theSameOfficeHoursMeanDifferentInstantsInOtherZones() {
        var kolkata = officeHours(ZoneId.of("Asia/Kolkata"));
        var auckland = officeHours(ZoneId.of("Pacific/Auckland"));
        var start = Instant.parse("2026-06-10T00:00:00Z");

        // 05:30 in Kolkata: opens 09:00 = 03:30Z; one hour later is 04:30Z.
        assertThat(kolkata.plus(start, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-06-10T04:30:00Z"));
        // 12:00 in Auckland (winter, +12): one hour later is 13:00 local = 01:00Z.
        assertThat(auckland.plus(start, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-06-10T01:00:00Z"));
    }

    @Test
    void aHalfHourDaylightSavingChangeCountsHalfAnHour() {
        // Lord Howe Island moves its clocks by 30 minutes: 02:00 becomes 02:30 on 4 October 2026.
        var lordHowe = ZoneId.of("Australia/Lord_Howe");
        var calendar = allDay(lordHowe);

        assertThat(calendar.between(at(lordHowe, "2026-10-04T00:00"), at(lordHowe, "2026-10-05T00:00")))
                .isEqualTo(Duration.ofMinutes(23 * 60 + 30));
    }

    @Test
    void theCheckInDayIsTheOpeningOfTheNthBusinessDay() {
        var calendar = new BusinessCalendar(
                BERLIN,
                weekdays(9 * 60, 17 * 60),
                List.of(new Holiday(LocalDate.of(2026, 6, 15), false, "Closed for inventory")));

        // Wednesday: Thursday, Friday, (weekend), (Monday closed), Tuesday.
        assertThat(local(calendar, calendar.openingOfBusinessDayAfter(at(BERLIN, "2026-06-10T15:00"), 3)))
                .isEqualTo("2026-06-16T09:00");
    }

    @Test
    void aCalendarWithoutOpeningHoursNeverReachesATarget() {
        var calendar = new BusinessCalendar(BERLIN, List.of(), List.of());

        assertThatThrownBy(() -> calendar.plus(at(BERLIN, "2026-06-10T15:00"), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(calendar.between(at(BERLIN, "2026-06-10T00:00"), at(BERLIN, "2026-07-10T00:00")))
                .isZero();
    }

    @Test
    void nothingPassesBetweenAnInstantAndAnEarlierOne() {
        var calendar = allDay(BERLIN);
        var noon = at(BERLIN, "2026-06-10T12:00");

        assertThat(calendar.between(noon, noon.minusSeconds(60))).isZero();
        assertThat(calendar.plus(noon, Duration.ZERO)).isEqualTo(noon);
    }

    private static BusinessCalendar officeHours(ZoneId zone) {
        return new BusinessCalendar(zone, weekdays(9 * 60, 17 * 60), List.of());
    }

    private static BusinessCalendar allDay(ZoneId zone) {
        var hours = new ArrayList<OpeningHours>();
        for (var day : DayOfWeek.values()) {
            hours.add(new OpeningHours(day, 0, OpeningHours.END_OF_DAY));
        }
        return new BusinessCalendar(zone, hours, List.of());
    }

    private static List<OpeningHours> weekdays(int from, int to) {
        return List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY).stream()
                .map(day -> new OpeningHours(day, from, to))
                .toList();
    }

    private static Instant at(ZoneId zone, String local) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    private static String local(BusinessCalendar calendar, Instant instant) {
        return instant.atZone(calendar.zone()).toLocalDateTime().toString();
    }
}
