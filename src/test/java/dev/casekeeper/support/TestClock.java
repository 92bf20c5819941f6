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
 * The application's clock in tests: real time plus an offset that tests move forward, so timers
 * come due without waiting. Time never moves backwards.
 *
 * <p>One instance per test JVM, shared by every application context there: two nodes of one
 * cluster must see the same time, and the contexts of a run share one database whose rows carry
 * that time. What a test owns is not a clock but the work that time makes due. Timers are rows of
 * the shared database, and a jump of days would make due every timer that every earlier test left
 * waiting (each case's SLA clocks, promises, check-ins, offers) and have the scheduler work through
 * that backlog before the test's own timer. So only a test of a {@link MovesTime} class may move
 * time, and before each such test the one-time timers still waiting from earlier tests are parked
 * far ahead ({@link TimersOfEarlierTests}); tests run one at a time, so whatever is waiting then is
 * not the test's. A jump then makes due only what the test itself scheduled, and it runs within a
 * moment of the scheduler's polling interval. Timing rules that need no application at all are
 * tested as functions of a fixed clock (for example {@code ClockMathTests}).
 */
public final class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock();

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private volatile @Nullable Class<?> owner;

    private TestClock() {}

    /** Moves time forward for everyone in this JVM; only a test of a {@link MovesTime} class may. */
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
