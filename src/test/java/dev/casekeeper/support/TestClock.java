package dev.casekeeper.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: real time plus an offset that tests move forward, so timers
 * come due without waiting. One instance per test JVM, shared by every application context there
 * (two nodes of one cluster see the same time). Time never moves backwards.
 */
public final class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock();

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private TestClock() {}

    /** Moves time forward for everyone in this JVM. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
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
