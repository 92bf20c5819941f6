package dev.casekeeper.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * How much of the time between two instants a case's business calendar was open: the calendar of
 * the SLA policy that matches the case, or wall-clock time when none does (as its SLA clocks count).
 * Reports use it for first response and resolution in business hours.
 */
@FunctionalInterface
public interface OpenTime {

    /** Every moment counts: what a case no policy matches is measured in. */
    OpenTime WALL_CLOCK = (from, to) -> to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;

    /** Open time in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to);
}
