package dev.casekeeper.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The clock of the tests that move time: real time plus an offset that they move forward, so timers
 * come due without waiting. Time never moves backwards.
 *
 * <p>Who sees it moving. Timers are rows in an application's database, and a jump of days makes
 * due every timer waiting there: were all tests on one clock and one database, each jump would set
 * the scheduler working through the timers that every earlier test left behind (each case's SLA
 * clocks, promises, check-ins, offers) before the test's own, and the test would wait minutes for
 * that backlog. So time is owned at two levels:
 *
 * <ul>
 *   <li>Per application. Most tests run in applications on the real clock, which nobody moves. The
 *       classes that need time to pass are marked {@link MovesTime} and run in one application of
 *       their own, on a database of its own, with this clock; the nodes that cluster and restart
 *       tests start for themselves (each on a database of its own) use it too, so two nodes of one
 *       cluster see the same time. A jump therefore never touches the rows of the rest of the suite.
 *   <li>Per test. Before each test of a {@link MovesTime} class, the one-time timers still waiting
 *       in its database are parked far ahead ({@link TimersOfEarlierTests}): tests run one at a
 *       time, so whatever waits then belongs to a test that is over. A jump makes due only what the
 *       test itself scheduled, which runs within the scheduler's polling interval.
 * </ul>
 *
 * <p>Only a test of a {@link MovesTime} class may move the clock. Timing rules that need no
 * application at all are tested as functions of a fixed clock (for example {@code ClockMathTests}).
 */
public final class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock();

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private volatile @Nullable Class<?> owner;

    private TestClock() {}

    /** Moves time forward for the applications on this clock; only a test of a {@link MovesTime} class may. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        if (owner == null) {
            throw new IllegalStateException("Only a test of a class marked @MovesTime moves the test clock:"
                    + " without it, the move makes due every timer that earlier tests left waiting");
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Moves time forward to {@code instant}, if it is not already past it. */
    public void advanceTo(Instant instant) {
        var gap = Duration.between(instant(), instant);
        if (!gap.isNegative()) {
            advance(gap);
        }
    }

    /** The {@link MovesTime} class whose test runs now, or null between such tests. */
    void ownedBy(@Nullable Class<?> testClass) {
        owner = testClass;
    }

    @Override
    public Instant instant() {
        // PostgreSQL keeps microseconds; so does the clock, so what is stored equals what was used.
        return Instant.now().plus(offset.get()).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC");
    }
}
