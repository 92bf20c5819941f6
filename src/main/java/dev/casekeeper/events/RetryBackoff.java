package dev.casekeeper.events;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When a failed publication may run again: {@code firstRetry} after its last attempt, twice as long
 * after each further one, never more than {@code maxDelay}. A listener that fails because something
 * it needs is down (the mail server, a full disk) is not hammered while it is down, and runs soon
 * after a one-off failure.
 */
record RetryBackoff(Duration firstRetry, Duration maxDelay) {

    /**
     * @param attempts how many times the publication's listener has run (1 after the first failure)
     * @param lastAttempt when it last ran, or was published when it never was resubmitted
     */
    boolean due(int attempts, Instant lastAttempt, Instant now) {
        return !now.isBefore(lastAttempt.plus(delay(attempts)));
    }

    Duration delay(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        var delay = firstRetry.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    static Instant lastAttempt(Instant published, @Nullable Instant lastResubmission) {
        return lastResubmission == null || lastResubmission.isBefore(published) ? published : lastResubmission;
    }
}
