package dev.casekeeper.live;

import dev.casekeeper.bus.ClusterBus;
import dev.casekeeper.bus.Topic;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries live signals between the nodes on the cluster bus's {@code live} topic, sent once the
 * change committed (nothing if it rolled back). A signal after a quiet moment goes to the pages at
 * once (an offer card should not wait); signals heard within {@value #COALESCE_MILLIS} ms of the
 * last delivery wait for the end of that moment and reach the pages as one per thing changed, so a
 * burst of changes reloads a page at most twice. When the bus may have missed signals, every open
 * page reloads what it shows.
 */
@Component
class LiveSignalRelay implements ClusterBus.Subscriber {

    static final Topic TOPIC = new Topic("live");
    private static final long COALESCE_MILLIS = 50;
    private static final Logger log = LoggerFactory.getLogger(LiveSignalRelay.class);

    private final ClusterBus bus;
    private final LiveStreams streams;
    private final JsonMapper json;
    private final Map<String, LiveSignal> pending = new LinkedHashMap<>();

    /** When the last batch went out ({@link System#nanoTime()}); guarded by {@link #pending}. */
    private long lastDelivery = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(COALESCE_MILLIS);

    private final ScheduledExecutorService coalescing = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("live-coalesce").daemon().factory());

    LiveSignalRelay(ClusterBus bus, LiveStreams streams, JsonMapper json) {
        this.bus = bus;
        this.streams = streams;
        this.json = json;
        bus.subscribe(TOPIC, this);
    }

    /** To every node's pages that may hear of it, after the current transaction commits. */
    void publish(LiveSignal signal) {
        bus.publish(TOPIC, json.writeValueAsString(signal));
    }

    @Override
    public void receive(String payload) {
        LiveSignal signal;
        try {
            signal = json.readValue(payload, LiveSignal.class);
        } catch (RuntimeException e) {
            log.warn("Ignored a live signal that could not be read: {}", e.getMessage());
            return;
        }
        synchronized (pending) {
            boolean first = pending.isEmpty();
            pending.merge(signal.key(), signal, LiveSignal::merge);
            if (first) {
                long quiet = System.nanoTime() - lastDelivery;
                long wait = Math.max(0, TimeUnit.MILLISECONDS.toNanos(COALESCE_MILLIS) - quiet);
                coalescing.schedule(this::flush, wait, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void flush() {
        ArrayList<LiveSignal> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending.values());
            pending.clear();
            lastDelivery = System.nanoTime();
        }
        batch.forEach(streams::deliver);
    }

    @Override
    public void missedMessages() {
        streams.missed();
    }

    @PreDestroy
    void close() {
        coalescing.shutdownNow();
    }
}
