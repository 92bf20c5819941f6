package dev.casekeeper.bus;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Settings of the cluster bus, {@code casekeeper.bus.*}. See docs/configuration.md.
 *
 * @param retryDelay the wait before the bus connects again after its connection dropped, or sends
 *     again after sending failed; each further attempt waits twice as long, up to {@code maxRetryDelay}
 * @param maxRetryDelay the longest wait between two attempts
 */
@ConfigurationProperties("casekeeper.bus")
record BusSettings(
        @DefaultValue("500ms") Duration retryDelay,
        @DefaultValue("30s") Duration maxRetryDelay) {

    BusSettings {
        if (retryDelay.isNegative() || retryDelay.isZero() || maxRetryDelay.compareTo(retryDelay) < 0) {
            throw new IllegalArgumentException(
                    "casekeeper.bus: retry-delay must be positive and max-retry-delay at least retry-delay");
        }
    }

    /** Waits that double from {@code retryDelay} to {@code maxRetryDelay}, and go on at that for ever. */
    BackOff backOff() {
        var backOff = new ExponentialBackOff(retryDelay.toMillis(), 2.0);
        backOff.setMaxInterval(maxRetryDelay.toMillis());
        return backOff;
    }
}
