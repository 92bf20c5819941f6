package dev.casekeeper.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.AutomatedReply;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The clocks of a case worked out from its timeline: what starts, stops, pauses and restarts them. */
class ClockMathTests {

    private static final Instant T0 = Instant.parse("2026-06-10T08:00:00Z");
    private static final Targets TARGETS = new Targets(60, 30, 240);
    private static final BusinessCalendar ALWAYS = BusinessCalendar.always();

    @Test
    void theFirstReplyMeetsFirstResponseAndNothingElseStartsUntilTheCustomerWritesAgain() {
        var kase = new Story().reply(20);

        var clocks = ClockMath.clocks(kase.detail(CaseStatus.OPEN), TARGETS, false);

        assertThat(clocks).extracting(CaseClock::target).containsExactly(Target.FIRST_RESPONSE, Target.RESOLUTION);
        var first = clocks.getFirst();
        assertThat(first.phase()).isEqualTo(CaseClock.Phase.MET);
        assertThat(first.used(ALWAYS, T0.plus(Duration.ofHours(5)))).isEqualTo(Duration.ofMinutes(20));
        assertThat(first.breachedBy(ALWAYS, T0.plus(Duration.ofHours(5)))).isNull();
    }

    @Test
    void anAutomationsEmailMeetsNoResponseClock() {
        var kase = new Story().automatedEmail(1).reply(20).customer(30).automatedEmail(31);

        var clocks = ClockMath.clocks(kase.detail(CaseStatus.OPEN), TARGETS, false);

        var first = clocks.getFirst();
        assertThat(first.target()).isEqualTo(Target.FIRST_RESPONSE);
        assertThat(first.used(ALWAYS, T0.plus(Duration.ofHours(5)))).isEqualTo(Duration.ofMinutes(20));
        var next =
                clocks.stream().filter(c -> c.target() == Target.NEXT_RESPONSE).toList();
        assertThat(next).hasSize(1);
        assertThat(next.getFirst().phase()).isEqualTo(CaseClock.Phase.RUNNING);
    }

    @Test
    void aLateReplyLeavesTheFirstResponseBreachedAtItsDueTime() {
        var kase = new Story().reply(90);

        var first =
                ClockMath.clocks(kase.detail(CaseStatus.OPEN), TARGETS, false).getFirst();

        assertThat(first.breachedBy(ALWAYS, T0.plus(Duration.ofHours(5)))).isEqualTo(T0.plus(Duration.ofMinutes(60)));
    }

    @Test
    void nextResponseRunsFromTheOldestUnansweredMessageAndEachWaitIsACycle() {
        var kase = new Story().reply(10).customer(30).customer(50).reply(70).customer(100);

        var next = ClockMath.clocks(kase.detail(CaseStatus.OPEN), TARGETS, false).stream()
                .filter(c -> c.target() == Target.NEXT_RESPONSE)
                .toList();

        assertThat(next).extracting(CaseClock::cycle).containsExactly(1, 2);
        assertThat(next.get(0).startedAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(next.get(0).phase()).isEqualTo(CaseClock.Phase.MET);
        assertThat(next.get(0).breachedBy(ALWAYS, T0.plus(Duration.ofHours(3))))
                .isEqualTo(T0.plus(Duration.ofMinutes(60)));
        assertThat(next.get(1).phase()).isEqualTo(CaseClock.Phase.RUNNING);
        assertThat(next.get(1).whenUsed(ALWAYS, next.get(1).budget())).isEqualTo(T0.plus(Duration.ofMinutes(130)));
    }

    @Test
    void waitingOnTheCustomerPausesResolutionAndTheTimeIsNotCounted() {
        var kase = new Story().status(30, "new", "pending").status(150, "pending", "open");

        var resolution =
                ClockMath.clocks(kase.detail(CaseStatus.OPEN), TARGETS, false).getLast();

        assertThat(resolution.phase()).isEqualTo(CaseClock.Phase.RUNNING);
        assertThat(resolution.used(ALWAYS, T0.plus(Duration.ofMinutes(180)))).isEqualTo(Duration.ofMinutes(60));
        assertThat(resolution.whenUsed(ALWAYS, resolution.budget())).isEqualTo(T0.plus(Duration.ofMinutes(360)));
    }

    @Test
    void aPausedClockHasNoDueTimeAndKeepsItsTimeLeft() {
        var kase = new Story().status(30, "new", "pending");

        var resolution = ClockMath.clocks(kase.detail(CaseStatus.PENDING), TARGETS, false)
                .getLast();

        assertThat(resolution.phase()).isEqualTo(CaseClock.Phase.PAUSED);
        assertThat(resolution.whenUsed(ALWAYS, resolution.budget())).isNull();
        assertThat(resolution.used(ALWAYS, T0.plus(Duration.ofDays(3)))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void onHoldCountsUnlessThePolicyPausesIt() {
        var kase = new Story().status(30, "new", "on_hold");
        var now = T0.plus(Duration.ofMinutes(90));

        assertThat(ClockMath.clocks(kase.detail(CaseStatus.ON_HOLD), TARGETS, false)
                        .getLast()
                        .used(ALWAYS, now))
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(ClockMath.clocks(kase.detail(CaseStatus.ON_HOLD), TARGETS, true)
                        .getLast()
                        .used(ALWAYS, now))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void solvingMeetsResolutionAndAReopenedCaseCountsOnFromWhereItStopped() {
        var solved = new Story().reply(10).status(40, "open", "solved");
        var resolution = ClockMath.clocks(solved.detail(CaseStatus.SOLVED), TARGETS, false)
                .getLast();
        assertThat(resolution.phase()).isEqualTo(CaseClock.Phase.MET);
        assertThat(resolution.endedAt()).isEqualTo(T0.plus(Duration.ofMinutes(40)));

        var reopened = solved.customer(100).status(100, "solved", "open");
        var counting = ClockMath.clocks(reopened.detail(CaseStatus.OPEN), TARGETS, false)
                .getLast();
        assertThat(counting.phase()).isEqualTo(CaseClock.Phase.RUNNING);
        assertThat(counting.used(ALWAYS, T0.plus(Duration.ofMinutes(120)))).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void aCaseSolvedWithoutAReplyStopsTheFirstResponseClockWithoutABreach() {
        var kase = new Story().status(20, "new", "solved");

        var first =
                ClockMath.clocks(kase.detail(CaseStatus.SOLVED), TARGETS, false).getFirst();

        assertThat(first.phase()).isEqualTo(CaseClock.Phase.STOPPED);
        assertThat(first.breachedBy(ALWAYS, T0.plus(Duration.ofDays(1)))).isNull();
    }

    @Test
    void aCaseWaitsForAnOwnerFromItsOpeningAndAgainAfterATransferToATeamQueue() {
        var story = new Story();
        assertThat(ClockMath.unowned(story.detail(CaseStatus.NEW))).isEqualTo(new ClockMath.Unowned(1, T0));

        story.event(
                50,
                new TimelineEvent.Transferred(
                        null, null, null, new TeamId(UUID.randomUUID()), "Billing", "Wrong team", "All of it"));
        assertThat(ClockMath.unowned(story.detail(CaseStatus.OPEN)))
                .isEqualTo(new ClockMath.Unowned(2, T0.plus(Duration.ofMinutes(50))));
    }

    /** A case's timeline, minute by minute after {@link #T0}. */
    private static final class Story {
        private final List<TimelineEntry> entries = new ArrayList<>();

        Story() {
            add(0, EntryKind.MESSAGE_IN, null);
        }

        Story reply(int minute) {
            return add(minute, EntryKind.MESSAGE_OUT, null);
        }

        Story customer(int minute) {
            return add(minute, EntryKind.MESSAGE_IN, null);
        }

        /** An automation's email to the customer. */
        Story automatedEmail(int minute) {
            entries.add(new TimelineEntry(
                    UUID.randomUUID(),
                    EntryKind.MESSAGE_OUT,
                    Actor.SYSTEM,
                    null,
                    null,
                    null,
                    new AutomatedReply(UUID.randomUUID(), "Acknowledge"),
                    T0.plus(Duration.ofMinutes(minute)),
                    null,
                    null));
            return this;
        }

        Story status(int minute, String from, String to) {
            return add(
                    minute,
                    EntryKind.EVENT,
                    new TimelineEvent.StatusChanged(CaseStatus.from(from), CaseStatus.from(to)));
        }

        Story event(int minute, TimelineEvent event) {
            return add(minute, EntryKind.EVENT, event);
        }

        private Story add(int minute, EntryKind kind, @Nullable TimelineEvent event) {
            entries.add(new TimelineEntry(
                    UUID.randomUUID(),
                    kind,
                    Actor.SYSTEM,
                    null,
                    null,
                    event,
                    null,
                    T0.plus(Duration.ofMinutes(minute)),
                    null,
                    null));
            return this;
        }

        CaseDetail detail(CaseStatus status) {
            var summary = new CaseSummary(
                    new CaseId(UUID.randomUUID()),
                    1001,
                    "Socks",
                    new CustomerId(UUID.randomUUID()),
                    Channel.EMAIL,
                    status,
                    Priority.NORMAL,
                    List.of(),
                    null,
                    null,
                    null,
                    T0,
                    T0,
                    null,
                    null,
                    null,
                    null);
            return new CaseDetail(summary, null, List.copyOf(entries));
        }
    }
}
