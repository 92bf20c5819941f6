package dev.casekeeper.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Event listener settings ({@code casekeeper.events.*}).
 *
 * @param listenerThreads how many listener invocations run at once on this node; the others wait in
 *     memory, in order (their publications are in the database, so a restart loses none of them)
 * @param recovery how publications whose listener failed, or whose node died, are run again
 */
@ConfigurationProperties("casekeeper.events")
public record EventSettings(
        @DefaultValue("4") int listenerThreads,
        @DefaultValue Recovery recovery) {

    public EventSettings {
        if (listenerThreads < 1 || listenerThreads > 64) {
            throw new IllegalArgumentException("casekeeper.events.listener-threads must be between 1 and 64");
        }
    }

    /**
     * @param enabled whether this node takes part in recovery (one node at a time does it)
     * @param interval how often the recovery looks for publications to run again
     * @param staleAfter a publication neither completed nor failed this long after it was published (or
     *     last resubmitted) is taken as failed: its listener died with its node
     * @param firstRetry the wait before a failed publication runs again; each further attempt waits
     *     twice as long as the one before, up to {@code maxRetryDelay}
     * @param maxRetryDelay the longest wait between two attempts
     * @param alertAfter an incomplete publication older than this is logged as a warning
     */
    public record Recovery(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30s") Duration interval,
            @DefaultValue("10m") Duration staleAfter,
            @DefaultValue("30s") Duration firstRetry,
            @DefaultValue("1h") Duration maxRetryDelay,
            @DefaultValue("15m") Duration alertAfter) {

        public Recovery {
            if (interval.isNegative()
                    || interval.isZero()
                    || firstRetry.isNegative()
                    || maxRetryDelay.compareTo(firstRetry) < 0) {
                throw new IllegalArgumentException(
                        "casekeeper.events.recovery: interval must be positive and max-retry-delay at least first-retry");
            }
        }
    }
}
