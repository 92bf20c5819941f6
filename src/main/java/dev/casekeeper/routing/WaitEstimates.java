package dev.casekeeper.routing;

import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * How long a waiting contact is likely to wait still:
 * {@code position × average handle time ÷ serving capacity}, kept between a floor and a cap.
 * The average handle time is taken over the queue's latest ended contacts on the channel
 * (acceptance to end), or the configured default before there are any; the serving capacity is the
 * sum of the channel capacities of the team's available agents. Nobody serving: the cap.
 */
@Component
class WaitEstimates {

    private final ContactQueries contacts;
    private final AgentStateQueries agents;
    private final RoutingSettings settings;

    WaitEstimates(ContactQueries contacts, AgentStateQueries agents, RoutingSettings settings) {
        this.contacts = contacts;
        this.agents = agents;
        this.settings = settings;
    }

    /** The estimator of one queue and channel, reading its data once for every position asked. */
    Estimator of(UUID teamId, RoutedChannel channel) {
        var handle = contacts.averageHandleMs(teamId, channel, settings.handleTimeSample())
                .map(ms -> Duration.ofMillis(Math.round(ms)))
                .orElse(settings.defaultHandleTime());
        return new Estimator(
                handle,
                agents.servingCapacity(teamId, channel),
                settings.waitEstimateFloor(),
                settings.waitEstimateCap());
    }

    /** The same with a serving capacity the caller knows better (the desks open at one counter location). */
    Estimator of(UUID teamId, RoutedChannel channel, int servingCapacity) {
        var handle = contacts.averageHandleMs(teamId, channel, settings.handleTimeSample())
                .map(ms -> Duration.ofMillis(Math.round(ms)))
                .orElse(settings.defaultHandleTime());
        return new Estimator(handle, servingCapacity, settings.waitEstimateFloor(), settings.waitEstimateCap());
    }

    record Estimator(Duration averageHandleTime, int servingCapacity, Duration floor, Duration cap) {

        Duration estimate(int position) {
            if (servingCapacity <= 0) {
                return cap;
            }
            var raw = averageHandleTime.multipliedBy(position).dividedBy(servingCapacity);
            return raw.compareTo(floor) < 0 ? floor : raw.compareTo(cap) > 0 ? cap : raw;
        }
    }
}
