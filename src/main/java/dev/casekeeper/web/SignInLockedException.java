package dev.casekeeper.web;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins: the password is not even checked until the lock ends. */
class SignInLockedException extends AuthenticationException {

    private final Duration retryAfter;

    SignInLockedException(Duration retryAfter) {
        super("Too many failed sign-ins; try again in " + minutes(retryAfter) + " minutes");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** Whole minutes, rounded up, at least one. */
    long retryAfterMinutes() {
        return minutes(retryAfter);
    }

    private static long minutes(Duration duration) {
        return Math.max(1, (duration.toSeconds() + 59) / 60);
    }
}
