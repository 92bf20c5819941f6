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
 * @param idleWait how long the bus's listening and sending threads wait for a message before they
 *     look whether the node is stopping: stopping the bus waits up to this long for each of them
 */
@ConfigurationProperties("casekeeper.bus")
record BusSettings(
        @DefaultValue("500ms") Duration retryDelay,
        @DefaultValue("30s") Duration maxRetryDelay,
        @DefaultValue("500ms") Duration idleWait) {

    BusSettings {
        if (retryDelay.isNegative() || retryDelay.isZero() || maxRetryDelay.compareTo(retryDelay) < 0) {
            throw new IllegalArgumentException(
                    "casekeeper.bus: retry-delay must be positive and max-retry-delay at least retry-delay");
        }
        if (idleWait.toMillis() < 1 || idleWait.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("casekeeper.bus: idle-wait must be at least 1ms");
        }
    }

    /** Waits that double from {@code retryDelay} to {@code maxRetryDelay}, and go on at that for ever. */
    BackOff backOff() {
        var backOff = new ExponentialBackOff(retryDelay.toMillis(), 2.0);
        backOff.setMaxInterval(maxRetryDelay.toMillis());
        return backOff;
    }
}
