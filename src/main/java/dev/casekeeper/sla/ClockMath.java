package dev.casekeeper.sla;

import dev.casekeeper.cases.AutomatedReply;
import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.cases.TimelineEntry;
import dev.casekeeper.cases.TimelineEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Works out a case's SLA clocks from its timeline alone, so the answer is the same whichever event
 * or timer asks, in whatever order, on whichever node, and after any restart.
 *
 * <ul>
 *   <li>First response: from opening to the first public reply.
 *   <li>Next response: from a customer message after a reply (the oldest one not yet answered) to the
 *       next public reply; each such wait is a new cycle.
 *   <li>Resolution: from opening to solved; pauses while {@code pending}, and while {@code on_hold}
 *       if the policy says so; a reopened case counts on.
 * </ul>
 * No clock counts while the case is solved or closed; a response clock still waiting then is stopped.
 */
final class ClockMath {

    private static final Set<CaseStatus> DONE = EnumSet.of(CaseStatus.SOLVED, CaseStatus.CLOSED);

    /** A span of time in one status; {@code to} is null for the current one. */
    record StatusPeriod(
            CaseStatus status, Instant from, @Nullable Instant to) {}

    /** Since when a case has waited for an owner, and which wait this is (1 for the first). */
    record Unowned(int cycle, Instant since) {}

    private ClockMath() {}

    static List<CaseClock> clocks(CaseDetail detail, Targets targets, boolean pauseOnHold) {
        var periods = statusPeriods(detail);
        var clocks = new ArrayList<CaseClock>();
        clocks.add(firstResponse(detail, targets, periods));
        clocks.addAll(nextResponses(detail, targets, periods));
        clocks.add(resolution(detail, targets, periods, pauseOnHold));
        return clocks;
    }

    static List<StatusPeriod> statusPeriods(CaseDetail detail) {
        var periods = new ArrayList<StatusPeriod>();
        CaseStatus status = CaseStatus.NEW;
        Instant from = detail.summary().createdAt();
        for (var entry : detail.timeline()) {
            if (entry.event() instanceof TimelineEvent.StatusChanged changed) {
                periods.add(new StatusPeriod(status, from, entry.createdAt()));
                status = changed.to();
                from = entry.createdAt();
            }
        }
        periods.add(new StatusPeriod(status, from, null));
        return periods;
    }

    static @Nullable Unowned unowned(CaseDetail detail) {
        var summary = detail.summary();
        if (summary.ownerId() != null || DONE.contains(summary.status())) {
            return null;
        }
        int cycle = 1;
        Instant since = summary.createdAt();
        for (var entry : detail.timeline()) {
            if (entry.event() instanceof TimelineEvent.Transferred transferred && transferred.toTeam()) {
                cycle++;
                since = entry.createdAt();
            }
        }
        return new Unowned(cycle, since);
    }

    private static CaseClock firstResponse(CaseDetail detail, Targets targets, List<StatusPeriod> periods) {
        Instant start = detail.summary().createdAt();
        Instant reply = detail.summary().firstResponseAt();
        if (reply == null) {
            reply = detail.timeline().stream()
                    .filter(ClockMath::response)
                    .map(TimelineEntry::createdAt)
                    .findFirst()
                    .orElse(null);
        }
        return responseClock(Target.FIRST_RESPONSE, 1, targets, start, reply, periods);
    }

    /** A reply to the customer that answers her: an automation's email does not (it was sent without anyone reading). */
    private static boolean response(TimelineEntry entry) {
        return entry.kind() == EntryKind.MESSAGE_OUT && entry.facts(AutomatedReply.class) == null;
    }

    private static List<CaseClock> nextResponses(CaseDetail detail, Targets targets, List<StatusPeriod> periods) {
        var clocks = new ArrayList<CaseClock>();
        boolean replied = false;
        Instant waitingSince = null;
        for (var entry : detail.timeline()) {
            if (response(entry)) {
                if (waitingSince != null) {
                    clocks.add(responseClock(
                            Target.NEXT_RESPONSE,
                            clocks.size() + 1,
                            targets,
                            waitingSince,
                            entry.createdAt(),
                            periods));
                    waitingSince = null;
                }
                replied = true;
            } else if (entry.kind() == EntryKind.MESSAGE_IN && replied && waitingSince == null) {
                waitingSince = entry.createdAt();
            }
        }
        if (waitingSince != null) {
            clocks.add(responseClock(Target.NEXT_RESPONSE, clocks.size() + 1, targets, waitingSince, null, periods));
        }
        return clocks;
    }

    private static CaseClock responseClock(
            Target target,
            int cycle,
            Targets targets,
            Instant start,
            @Nullable Instant reply,
            List<StatusPeriod> periods) {
        var segments = segments(periods, start, reply, status -> !DONE.contains(status));
        if (reply != null) {
            return new CaseClock(target, cycle, targets.of(target), start, segments, CaseClock.Phase.MET, reply);
        }
        var current = periods.getLast();
        if (DONE.contains(current.status())) {
            return new CaseClock(
                    target, cycle, targets.of(target), start, segments, CaseClock.Phase.STOPPED, solvedAt(periods));
        }
        return new CaseClock(target, cycle, targets.of(target), start, segments, CaseClock.Phase.RUNNING, null);
    }

    private static CaseClock resolution(
            CaseDetail detail, Targets targets, List<StatusPeriod> periods, boolean pauseOnHold) {
        Instant start = detail.summary().createdAt();
        var segments = segments(periods, start, null, status -> counts(status, pauseOnHold));
        var current = periods.getLast();
        CaseClock.Phase phase;
        Instant ended = null;
        if (DONE.contains(current.status())) {
            phase = CaseClock.Phase.MET;
            ended = solvedAt(periods);
        } else {
            phase = counts(current.status(), pauseOnHold) ? CaseClock.Phase.RUNNING : CaseClock.Phase.PAUSED;
        }
        return new CaseClock(Target.RESOLUTION, 1, targets.of(Target.RESOLUTION), start, segments, phase, ended);
    }

    private static boolean counts(CaseStatus status, boolean pauseOnHold) {
        return switch (status) {
            case NEW, OPEN -> true;
            case ON_HOLD -> !pauseOnHold;
            case PENDING, SOLVED, CLOSED -> false;
        };
    }

    /** When the case last became solved (a closed case was solved before it closed). */
    private static Instant solvedAt(List<StatusPeriod> periods) {
        for (int i = periods.size() - 1; i > 0; i--) {
            if (!DONE.contains(periods.get(i - 1).status())) {
                return periods.get(i).from();
            }
        }
        return periods.getFirst().from();
    }

    /** The parts of {@code [start, end)} spent in statuses that count. */
    private static List<CaseClock.Segment> segments(
            List<StatusPeriod> periods, Instant start, @Nullable Instant end, Predicate<CaseStatus> counts) {
        var segments = new ArrayList<CaseClock.Segment>();
        for (var period : periods) {
            if (!counts.test(period.status())) {
                continue;
            }
            Instant from = period.from().isBefore(start) ? start : period.from();
            Instant to = period.to() == null ? end : (end == null || period.to().isBefore(end) ? period.to() : end);
            if (to == null) {
                segments.add(new CaseClock.Segment(from, null));
            } else if (to.isAfter(from)) {
                segments.add(new CaseClock.Segment(from, to));
            }
        }
        return segments;
    }
}
