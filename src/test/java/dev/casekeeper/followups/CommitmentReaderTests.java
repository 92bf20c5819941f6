package dev.casekeeper.followups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the composer reads as a promise, with the agent in Berlin on Monday 7 December 2026 at
 * 10:30 their time. Times are read by natty; working days follow the team's calendar, else weekdays.
 */
class CommitmentReaderTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant MONDAY_MORNING = berlin(2026, 12, 7, 10, 30);
    static final CommitmentReader.WorkingDays NO_CALENDAR = (from, days) -> Optional.empty();

    static Instant berlin(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(BERLIN).toInstant();
    }

    static Optional<PromiseSuggestion> read(String text) {
        return CommitmentReader.read(text, MONDAY_MORNING, BERLIN, NO_CALENDAR);
    }

    @Test
    void readsACallTomorrowAtATimeInTheAgentsZone() {
        var found = read("Thanks for the photos. I'll call you tomorrow at 10:00 to arrange the pickup.")
                .orElseThrow();

        assertThat(found.dueAt()).isEqualTo(berlin(2026, 12, 8, 10, 0));
        assertThat(found.text()).isEqualTo("I'll call you tomorrow at 10:00 to arrange the pickup.");
    }

    @Test
    void readsByAnHourAsTodayWhileItIsAhead() {
        assertThat(read("You will have the tracking number by 3 pm.")
                        .orElseThrow()
                        .dueAt())
                .isEqualTo(berlin(2026, 12, 7, 15, 0));
    }

    @Test
    void readsByAnHourThatHasPassedAsTomorrow() {
        assertThat(read("You will have the tracking number by 9 am.")
                        .orElseThrow()
                        .dueAt())
                .isEqualTo(berlin(2026, 12, 8, 9, 0));
    }

    @Test
    void readsWorkingDaysAsWeekdaysWithoutACalendar() {
        assertThat(read("We will refund you within 5 working days.")
                        .orElseThrow()
                        .dueAt())
                .isEqualTo(berlin(2026, 12, 14, 10, 30));
    }

    @Test
    void readsWorkingDaysFromFridaySkippingTheWeekend() {
        var friday = berlin(2026, 12, 11, 16, 0);
        assertThat(CommitmentReader.read("Refund within 2 business days.", friday, BERLIN, NO_CALENDAR)
                        .orElseThrow()
                        .dueAt())
                .isEqualTo(berlin(2026, 12, 15, 16, 0));
    }

    @Test
    void readsWorkingDaysInTheTeamsCalendarWhenItHasOne() {
        var close = berlin(2026, 12, 9, 17, 0);
        var found = CommitmentReader.read(
                        "We will refund you within 2 working days.",
                        MONDAY_MORNING,
                        BERLIN,
                        (from, days) ->
                                days == 2 && from.equals(MONDAY_MORNING) ? Optional.of(close) : Optional.empty())
                .orElseThrow();

        assertThat(found.dueAt()).isEqualTo(close);
        assertThat(found.when()).isEqualTo("within 2 working days");
    }

    @Test
    void readsADayWithoutATimeAsTheEndOfItsWorkingHours() {
        assertThat(read("I will check with the warehouse on Wednesday.")
                        .orElseThrow()
                        .dueAt())
                .isEqualTo(berlin(2026, 12, 9, 17, 0));
    }

    @Test
    void readsATypographicApostrophe() {
        assertThat(read("I\u2019ll send the label tomorrow at 9:15.")
                        .orElseThrow()
                        .dueAt())
                .isEqualTo(berlin(2026, 12, 8, 9, 15));
    }

    @Test
    void suggestsNothingWhereNobodyCommits() {
        assertThat(read("Your parcel arrived on 3 December, and the receipt is attached."))
                .isEmpty();
        assertThat(read("Thank you for your patience.")).isEmpty();
        assertThat(read("")).isEmpty();
    }

    @Test
    void suggestsNothingForAPlainNumber() {
        assertThat(read("We will look into order 4711.")).isEmpty();
    }

    @Test
    void suggestsNothingForATimeThatHasPassed() {
        assertThat(read("I called you yesterday at 10:00, and I will keep trying."))
                .isEmpty();
    }
}
