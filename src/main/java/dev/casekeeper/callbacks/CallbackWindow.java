package dev.casekeeper.callbacks;

import java.time.Duration;
import java.time.Instant;

/** When the customer was told to expect the call: from {@code from} until {@code until}, which is when it is due. */
public record CallbackWindow(Instant from, Instant until) {

    /** A window that starts now and lasts {@code length}: for a caller who named no time. */
    public static CallbackWindow startingAt(Instant now, Duration length) {
        return new CallbackWindow(now, now.plus(length));
    }

    public Duration length() {
        return Duration.between(from, until);
    }
}
