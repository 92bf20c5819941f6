package dev.casekeeper.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.assist.FrustrationLevel;
import dev.casekeeper.assist.FrustrationScore;
import dev.casekeeper.assist.MessageFrustration;
import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.cases.TimelineEntry;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.sla.CalendarId;
import dev.casekeeper.sla.Holiday;
import dev.casekeeper.sla.OpenTime;
import dev.casekeeper.sla.OpeningHours;
import dev.casekeeper.sla.SlaCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What reports count of one case, worked out from its timeline: days in the desk's zone across the
 * changes of daylight-saving time (Berlin: summer time ends on 25 October 2026 at 01:00 UTC and
 * starts on 29 March 2026 at 01:00 UTC), and each kind of moment.
 */
class CaseFactsTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final AgentId ALICE = new AgentId(UUID.randomUUID());

    @Test
    void daysAreTheDesksAndDurationsAreElapsedTimeAcrossTheEndOfSummerTime() {
        // 00:30 summer time on the 25th, in Berlin; solved at 00:30 winter time on the 26th: the wall
        // clock says 24 hours, 25 hours went by.
        var created = Instant.parse("2026-10-24T22:30:00Z");
        var solved = Instant.parse("2026-10-25T23:30:00Z");
        var facts = CaseFacts.of(
                detail(created, Instant.parse("2026-10-25T00:30:00Z"), solved, List.of()),
                BERLIN,
                OpenTime.WALL_CLOCK,
                List.of());

        assertThat(facts.createdDay()).isEqualTo(LocalDate.parse("2026-10-25"));
        assertThat(facts.solvedDay()).isEqualTo(LocalDate.parse("2026-10-26"));
        assertThat(facts.resolutionSecs()).isEqualTo(Duration.ofHours(25).toSeconds());
        assertThat(facts.firstResponseSecs()).isEqualTo(Duration.ofHours(2).toSeconds());
        // In UTC both would have fallen on the 24th and the 25th.
        assertThat(CaseFacts.day(created, ZoneId.of("UTC"))).isEqualTo(LocalDate.parse("2026-10-24"));
    }

    @Test
    void businessHoursCountOnlyTheCalendarsOpenTimeAcrossAWeekendTheEndOfSummerTimeAndAHoliday() {
        // Monday to Friday 09:00-17:00 in Berlin, Monday 26 October 2026 a holiday.
        var hours = new java.util.ArrayList<OpeningHours>();
        for (var day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.add(new OpeningHours(day, 9 * 60, 17 * 60));
        }
        var calendar = new SlaCalendar(
                new CalendarId(UUID.randomUUID()),
                "Business hours",
                BERLIN,
                hours,
                List.of(new Holiday(LocalDate.parse("2026-10-26"), false, "Closed")),
                Instant.EPOCH,
                Instant.EPOCH);
        // Opened Friday 23 October at 16:00 summer time (14:00 UTC); answered Friday at 16:30; solved
        // Tuesday 27 October at 10:00 winter time (09:00 UTC), after the weekend, the change of time
        // and the holiday.
        var created = Instant.parse("2026-10-23T14:00:00Z");
        var answered = Instant.parse("2026-10-23T14:30:00Z");
        var solved = Instant.parse("2026-10-27T09:00:00Z");
        var facts = CaseFacts.of(detail(created, answered, solved, List.of()), BERLIN, calendar.openTime(), List.of());

        assertThat(facts.firstResponseBusinessSecs())
                .isEqualTo(Duration.ofMinutes(30).toSeconds());
        // One hour on Friday, one on Tuesday; in calendar time 91 hours (90 on the wall clock, plus
        // the hour repeated when summer time ended).
        assertThat(facts.resolutionBusinessSecs()).isEqualTo(Duration.ofHours(2).toSeconds());
        assertThat(facts.resolutionSecs()).isEqualTo(Duration.ofHours(91).toSeconds());
        assertThat(facts.firstResponseSecs()).isEqualTo(Duration.ofMinutes(30).toSeconds());
    }

    @Test
    void aCaseNoPolicyMatchesCountsBusinessHoursAsWallClockTime() {
        var created = Instant.parse("2026-10-24T22:30:00Z");
        var facts = CaseFacts.of(
                detail(created, Instant.parse("2026-10-25T00:30:00Z"), null, List.of()),
                BERLIN,
                OpenTime.WALL_CLOCK,
                List.of());

        assertThat(facts.firstResponseBusinessSecs()).isEqualTo(facts.firstResponseSecs());
        assertThat(facts.resolutionBusinessSecs()).isNull();
    }

    @Test
    void aMomentJustAfterLocalMidnightAtTheStartOfSummerTimeCountsOnTheLocalDay() {
        var created = Instant.parse("2026-03-28T20:00:00Z");
        // 23:30 UTC on the 28th is 00:30 on the 29th in Berlin (still winter time); 22:30 UTC on the
        // 29th is 00:30 on the 30th (summer time: UTC+2).
        var reopened = entry(
                Instant.parse("2026-03-28T23:30:00Z"),
                Actor.SYSTEM,
                new TimelineEvent.StatusChanged(CaseStatus.SOLVED, CaseStatus.OPEN));
        var held = entry(
                Instant.parse("2026-03-29T22:30:00Z"),
                Actor.agent(ALICE.value()),
                new TimelineEvent.HoldEnded(Duration.ofSeconds(75), true));

        var facts = CaseFacts.of(
                detail(created, null, null, List.of(reopened, held)), BERLIN, OpenTime.WALL_CLOCK, List.of());

        assertThat(facts.moments())
                .extracting(CaseFacts.Moment::kind, CaseFacts.Moment::day)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MomentKind.REOPENED, LocalDate.parse("2026-03-29")),
                        org.assertj.core.groups.Tuple.tuple(MomentKind.HOLD, LocalDate.parse("2026-03-30")));
        var hold = facts.moments().get(1);
        assertThat(hold.secs()).isEqualTo(75);
        assertThat(hold.flag()).isTrue();
        assertThat(hold.agentId()).isEqualTo(ALICE.value());
    }

    @Test
    void promisesCountOnTheirDueDayAsKeptOnTimeOrNotAndOpenOnesWait() {
        var created = Instant.parse("2026-06-01T08:00:00Z");
        var due = Instant.parse("2026-06-02T15:00:00Z");
        var kept = UUID.randomUUID();
        var late = UUID.randomUUID();
        var open = UUID.randomUUID();
        var withdrawn = UUID.randomUUID();
        var timeline = List.of(
                entry(
                        created,
                        Actor.agent(ALICE.value()),
                        new TimelineEvent.PromiseRecorded(kept, "Refund", due, ALICE)),
                entry(created, Actor.agent(ALICE.value()), new TimelineEvent.PromiseRecorded(late, "Call", due, ALICE)),
                entry(
                        created,
                        Actor.agent(ALICE.value()),
                        new TimelineEvent.PromiseRecorded(open, "Mail", due.plusSeconds(86_400), ALICE)),
                entry(
                        created,
                        Actor.agent(ALICE.value()),
                        new TimelineEvent.PromiseRecorded(withdrawn, "X", due, ALICE)),
                entry(
                        due.minusSeconds(60),
                        Actor.agent(ALICE.value()),
                        new TimelineEvent.PromiseKept(kept, "Refund", null)),
                entry(due, Actor.SYSTEM, new TimelineEvent.PromiseOverdue(late, "Call", due)),
                entry(
                        due.plusSeconds(600),
                        Actor.agent(ALICE.value()),
                        new TimelineEvent.PromiseKept(late, "Call", null)),
                entry(
                        due.minusSeconds(1),
                        Actor.agent(ALICE.value()),
                        new TimelineEvent.PromiseWithdrawn(withdrawn, "X", "no")));

        var promises =
                CaseFacts.of(detail(created, null, null, timeline), BERLIN, OpenTime.WALL_CLOCK, List.of())
                        .moments()
                        .stream()
                        .filter(m -> m.kind() == MomentKind.PROMISE)
                        .toList();

        assertThat(promises).hasSize(2);
        assertThat(promises).allSatisfy(m -> assertThat(m.day()).isEqualTo(LocalDate.parse("2026-06-02")));
        assertThat(promises).extracting(CaseFacts.Moment::flag).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void aCallbackIsOnTimeWhenDoneBeforeItsLatestWindowClosesAndTheLatestRatingCounts() {
        var created = Instant.parse("2026-06-01T08:00:00Z");
        var callback = UUID.randomUUID();
        var until = Instant.parse("2026-06-01T12:00:00Z");
        var timeline = List.of(
                entry(
                        created,
                        Actor.SYSTEM,
                        new TimelineEvent.CallbackRequested(callback, created, until, null, "chat")),
                entry(
                        until.minusSeconds(600),
                        Actor.agent(ALICE.value()),
                        new TimelineEvent.CallbackRetry(callback, 2, null, until, until.plusSeconds(7200))),
                entry(
                        until.plusSeconds(3600),
                        Actor.agent(ALICE.value()),
                        new TimelineEvent.CallbackDone(callback, "reached", null)),
                entry(
                        until.plusSeconds(7200),
                        Actor.customer(UUID.randomUUID()),
                        new TimelineEvent.SatisfactionRated("bad", null, "email", false)),
                entry(
                        until.plusSeconds(7300),
                        Actor.customer(UUID.randomUUID()),
                        new TimelineEvent.SatisfactionRated("good", null, "email", true)));

        var moments = CaseFacts.of(detail(created, null, null, timeline), BERLIN, OpenTime.WALL_CLOCK, List.of())
                .moments();

        assertThat(moments)
                .filteredOn(m -> m.kind() == MomentKind.CALLBACK)
                .singleElement()
                .satisfies(m -> assertThat(m.flag()).isTrue());
        assertThat(moments)
                .filteredOn(m -> m.kind() == MomentKind.RATING)
                .singleElement()
                .satisfies(m -> assertThat(m.label()).isEqualTo("good"));
    }

    @Test
    void frustrationIsTheFirstAndLatestScoreAndHeatedCountsUntilTheFirstSupervisorWhoJoinedAfterIt() {
        var created = Instant.parse("2026-06-01T08:00:00Z");
        var heatedAt = created.plusSeconds(600);
        var sam = new AgentId(UUID.randomUUID());
        var timeline = List.of(
                // A supervisor who joined before the case became heated does not count for it.
                entry(created.plusSeconds(60), Actor.agent(sam.value()), joined(sam)),
                entry(heatedAt.plusSeconds(900), Actor.agent(sam.value()), joined(sam)),
                entry(heatedAt.plusSeconds(1800), Actor.agent(sam.value()), joined(sam)));
        var scores = List.of(
                score(created, 35, FrustrationLevel.CALM),
                score(heatedAt, 80, FrustrationLevel.HEATED),
                score(heatedAt.plusSeconds(60), 90, FrustrationLevel.HEATED),
                score(heatedAt.plusSeconds(7200), 5, FrustrationLevel.CALM));

        var facts = CaseFacts.of(detail(created, null, null, timeline), BERLIN, OpenTime.WALL_CLOCK, scores);

        assertThat(facts.firstFrustration()).isEqualTo(35);
        assertThat(facts.lastFrustration()).isEqualTo(5);
        assertThat(facts.moments())
                .filteredOn(m -> m.kind() == MomentKind.HEATED)
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.entryId()).isEqualTo(scores.get(1).entryId());
                    assertThat(m.at()).isEqualTo(heatedAt);
                    assertThat(m.secs()).isEqualTo(900);
                    assertThat(m.flag()).isTrue();
                });
    }

    @Test
    void aHeatedCaseNoSupervisorJoinedHasNoTimeAndACaseWithoutScoresNoFrustration() {
        var created = Instant.parse("2026-06-01T08:00:00Z");
        var heated = CaseFacts.of(
                detail(created, null, null, List.of()),
                BERLIN,
                OpenTime.WALL_CLOCK,
                List.of(score(created, 95, FrustrationLevel.HEATED)));

        assertThat(heated.firstFrustration()).isEqualTo(95);
        assertThat(heated.lastFrustration()).isEqualTo(95);
        assertThat(heated.moments())
                .filteredOn(m -> m.kind() == MomentKind.HEATED)
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.secs()).isNull();
                    assertThat(m.flag()).isFalse();
                });

        var unscored = CaseFacts.of(detail(created, null, null, List.of()), BERLIN, OpenTime.WALL_CLOCK, List.of());
        assertThat(unscored.firstFrustration()).isNull();
        assertThat(unscored.lastFrustration()).isNull();
        assertThat(unscored.moments()).isEmpty();
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirst() {
        var sunday = LocalDate.parse("2026-10-25");
        assertThat(Period.WEEK.start(sunday)).isEqualTo(LocalDate.parse("2026-10-19"));
        assertThat(Period.MONTH.start(sunday)).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(Period.WEEK.next(LocalDate.parse("2026-10-19"))).isEqualTo(LocalDate.parse("2026-10-26"));
    }

    private static CaseDetail detail(
            Instant created, Instant firstResponse, Instant solved, List<TimelineEntry> timeline) {
        var summary = new CaseSummary(
                new CaseId(UUID.randomUUID()),
                1,
                "Activation key",
                new CustomerId(UUID.randomUUID()),
                Channel.EMAIL,
                solved == null ? CaseStatus.OPEN : CaseStatus.SOLVED,
                Priority.NORMAL,
                List.of(),
                null,
                ALICE,
                null,
                created,
                created,
                firstResponse,
                solved,
                null,
                null);
        return new CaseDetail(summary, null, timeline);
    }

    private static TimelineEvent.SupervisorJoined joined(AgentId supervisor) {
        return new TimelineEvent.SupervisorJoined(supervisor, "Sam Supervisor", "message");
    }

    private static MessageFrustration score(Instant at, int score, FrustrationLevel level) {
        return new MessageFrustration(
                UUID.randomUUID(), at, new FrustrationScore(score, level, false, "en", List.of()));
    }

    private static TimelineEntry entry(Instant at, Actor author, TimelineEvent event) {
        return new TimelineEntry(UUID.randomUUID(), EntryKind.EVENT, author, null, null, event, null, at, null, null);
    }
}
