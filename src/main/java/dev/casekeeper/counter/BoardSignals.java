package dev.casekeeper.counter;

import dev.casekeeper.bus.ClusterBus;
import dev.casekeeper.bus.Topic;
import dev.casekeeper.routing.QueueChanged;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells every node's boards and desks that a location's line changed: on the cluster bus's
 * {@code counter} topic (PostgreSQL {@code LISTEN/NOTIFY}), once the change committed. Only the
 * location's id crosses; each page reads what it shows itself. When the bus may have missed
 * messages, every open board reloads.
 */
@Component
class BoardSignals implements ClusterBus.Subscriber {

    static final Topic TOPIC = new Topic("counter");
    private static final Logger log = LoggerFactory.getLogger(BoardSignals.class);

    private final ClusterBus bus;
    private final CounterStreams streams;
    private final LocationQueries locations;

    BoardSignals(ClusterBus bus, CounterStreams streams, LocationQueries locations) {
        this.bus = bus;
        this.streams = streams;
        this.locations = locations;
        bus.subscribe(TOPIC, this);
    }

    /** The location's line changed: its boards reload after the current transaction commits. */
    void changed(LocationId location) {
        bus.publish(TOPIC, location.value().toString());
    }

    /** A team's queue moved (a wait, a handle time, a transfer, an overflow): the estimates of its locations may differ. */
    @EventListener
    void on(QueueChanged changed) {
        locations.locationsServedBy(changed.teamId().value()).forEach(id -> changed(new LocationId(id)));
    }

    @Override
    public void receive(String payload) {
        try {
            streams.changed(UUID.fromString(payload));
        } catch (IllegalArgumentException e) {
            log.warn("Ignored a counter signal that is not a location id: {}", payload);
        }
    }

    @Override
    public void missedMessages() {
        streams.missed();
    }
}
