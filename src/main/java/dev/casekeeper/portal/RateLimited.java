package dev.casekeeper.portal;

import java.time.Duration;

/** Refused by a rate limit; nothing was done. {@code retryIn} is how long until one more is allowed. */
final class RateLimited extends RuntimeException {

    final Duration retryIn;

    RateLimited(Duration retryIn) {
        super("rate limited for " + retryIn, null, false, false);
        this.retryIn = retryIn;
    }

    /** Whole minutes to wait, at least one: what a person is told. */
    long minutes() {
        return Math.max(1, (retryIn.toSeconds() + 59) / 60);
    }
}
