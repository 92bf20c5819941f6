package dev.casekeeper.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One SLA clock of a case as worked out from its timeline: the stretches of wall-clock time in
 * which it counted (the last one open while it still counts), and how it ended if it did.
 */
record CaseClock(
        Target target,
        int cycle,
        Duration budget,
        Instant startedAt,
        List<Segment> segments,
        Phase phase,
        @Nullable Instant endedAt) {

    /** Wall-clock time in which the clock counted; {@code end} is null while it still counts. */
    record Segment(Instant start, @Nullable Instant end) {}

    enum Phase {
        /** Counting now. */
        RUNNING,
        /** Not counting now, and will again (resolution while waiting on the customer). */
        PAUSED,
        /** Reached its end: a reply, or solving. */
        MET,
        /** Ended without meeting its target (the case was solved without a reply). */
        STOPPED
    }

    /** Business time the clock has counted until {@code now}. */
    Duration used(BusinessCalendar calendar, Instant now) {
        Duration used = Duration.ZERO;
        for (var segment : segments) {
            Instant end = segment.end() == null || segment.end().isAfter(now) ? now : segment.end();
            used = used.plus(calendar.between(segment.start(), end));
        }
        return used;
    }

    /** When the clock has counted {@code amount} of business time; null if it stopped or paused before. */
    @Nullable
    Instant whenUsed(BusinessCalendar calendar, Duration amount) {
        Duration left = amount;
        for (var segment : segments) {
            if (segment.end() == null) {
                return calendar.plus(segment.start(), left);
            }
            Duration counted = calendar.between(segment.start(), segment.end());
            if (left.compareTo(counted) < 0) {
                return calendar.plus(segment.start(), left);
            }
            left = left.minus(counted);
        }
        return null;
    }

    /** When {@code share} of the target has passed (the warning), or null if it never will with what is known. */
    @Nullable
    Instant whenShareUsed(BusinessCalendar calendar, double share) {
        return whenUsed(calendar, Duration.ofMillis(Math.round(budget.toMillis() * share)));
    }

    /** When the target was missed, if it was by {@code now}. */
    @Nullable
    Instant breachedBy(BusinessCalendar calendar, Instant now) {
        return reachedBy(whenUsed(calendar, budget), now);
    }

    /** When the warning share was passed, if it was by {@code now}. */
    @Nullable
    Instant warnedBy(BusinessCalendar calendar, double share, Instant now) {
        return reachedBy(whenShareUsed(calendar, share), now);
    }

    boolean running() {
        return phase == Phase.RUNNING;
    }

    private @Nullable Instant reachedBy(@Nullable Instant at, Instant now) {
        if (at == null || at.isAfter(now)) {
            return null;
        }
        return endedAt != null && !at.isBefore(endedAt) ? null : at;
    }
}
