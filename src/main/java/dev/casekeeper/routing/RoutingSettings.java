package dev.casekeeper.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Routing settings ({@code casekeeper.routing.*}).
 *
 * @param offerTimeout how long an agent has to accept an offer before it moves to the next agent
 * @param chatCapacity chats an agent handles at once unless set for the agent
 * @param emailCapacity email cases pushed to an agent at once unless set for the agent; 0 turns push assignment off
 * @param emailPushAssignment whether new email cases with a team are queued for push assignment
 * @param sweepInterval how often waiting contacts are checked for overflow and offered again (a safety net)
 * @param defaultHandleTime the handle time the wait estimate assumes before a queue has history
 * @param handleTimeSample how many recently ended contacts of a queue the average handle time is taken over
 * @param waitEstimateFloor the least wait ever estimated
 * @param waitEstimateCap the most wait ever estimated (also the estimate when nobody serves the queue)
 * @param holdLimit how long a contact may be on hold before its agent is prompted to return
 * @param phoneCapacity calls an agent is offered at once (one: a person talks on one line)
 */
@ConfigurationProperties("casekeeper.routing")
public record RoutingSettings(
        @DefaultValue("30s") Duration offerTimeout,
        @DefaultValue("3") int chatCapacity,
        @DefaultValue("0") int emailCapacity,
        @DefaultValue("false") boolean emailPushAssignment,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("5m") Duration defaultHandleTime,
        @DefaultValue("50") int handleTimeSample,
        @DefaultValue("30s") Duration waitEstimateFloor,
        @DefaultValue("30m") Duration waitEstimateCap,
        @DefaultValue("60s") Duration holdLimit,
        @DefaultValue("1") int phoneCapacity) {

    public RoutingSettings {
        if (!offerTimeout.isPositive()
                || !sweepInterval.isPositive()
                || !defaultHandleTime.isPositive()
                || holdLimit.toSeconds() < 1) {
            throw new IllegalArgumentException(
                    "casekeeper.routing durations must be positive (the hold limit at least 1s)");
        }
        if (chatCapacity < 0 || emailCapacity < 0 || chatCapacity > 100 || emailCapacity > 100) {
            throw new IllegalArgumentException("casekeeper.routing capacities must be between 0 and 100");
        }
        if (phoneCapacity < 0 || phoneCapacity > 100) {
            throw new IllegalArgumentException("casekeeper.routing.phone-capacity must be between 0 and 100");
        }
        if (handleTimeSample < 1) {
            throw new IllegalArgumentException("casekeeper.routing.handle-time-sample must be at least 1");
        }
        if (waitEstimateFloor.isNegative() || waitEstimateCap.compareTo(waitEstimateFloor) < 0) {
            throw new IllegalArgumentException("casekeeper.routing.wait-estimate-cap must not be below the floor");
        }
    }

    int capacity(RoutedChannel channel) {
        return switch (channel) {
            case CHAT -> chatCapacity;
            case EMAIL -> emailCapacity;
            case PHONE -> phoneCapacity;
            case COUNTER -> 1;
        };
    }
}
