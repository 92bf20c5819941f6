package dev.casekeeper.live;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends live signals to every node with PostgreSQL {@code NOTIFY}. Signals wait a moment and go
 * out together, several about the same case as one, in their own short transaction after the
 * change committed: a {@code NOTIFY} inside a busy write transaction would take a lock at commit
 * that makes writers wait for each other.
 */
@Component
class LiveBus implements SmartLifecycle {

    static final String CHANNEL = "casekeeper_live";
    /** PostgreSQL takes payloads under 8000 bytes; signals are split well below that. */
    private static final int MAX_PAYLOAD = 7000;

    private static final long COALESCE_MILLIS = 50;
    private static final TypeReference<List<LiveSignal>> SIGNALS = new TypeReference<>() {};
    private static final Logger log = LoggerFactory.getLogger(LiveBus.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<String, LiveSignal> pending = new LinkedHashMap<>();
    private @Nullable ScheduledExecutorService sender;
    private boolean flushScheduled;
    private volatile boolean running;

    LiveBus(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void publish(LiveSignal signal) {
        synchronized (pending) {
            pending.merge(signal.key(), signal, LiveSignal::merge);
            if (!flushScheduled && running && sender != null) {
                flushScheduled = true;
                sender.schedule(this::flush, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** After the current transaction commits (at once without one), so receivers read what it wrote. */
    void publishAfterCommit(LiveSignal signal) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish(signal);
                }
            });
        } else {
            publish(signal);
        }
    }

    List<LiveSignal> read(String payload) {
        return json.readValue(payload, SIGNALS);
    }

    private void flush() {
        List<LiveSignal> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending.values());
            pending.clear();
            flushScheduled = false;
        }
        try {
            for (String payload : payloads(batch)) {
                jdbc.sql("select pg_notify('" + CHANNEL + "', :payload)")
                        .param("payload", payload)
                        .query()
                        .listOfRows();
            }
        } catch (RuntimeException e) {
            // Live updates are a convenience: a lost one is made good by the next change or a reload.
            log.warn("Could not send {} live signal(s): {}", batch.size(), e.getMessage());
        }
    }

    private List<String> payloads(List<LiveSignal> batch) {
        var payloads = new ArrayList<String>();
        var chunk = new ArrayList<LiveSignal>();
        for (var signal : batch) {
            chunk.add(signal);
            if (json.writeValueAsString(chunk).getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD
                    && chunk.size() > 1) {
                chunk.removeLast();
                payloads.add(json.writeValueAsString(chunk));
                chunk = new ArrayList<>(List.of(signal));
            }
        }
        if (!chunk.isEmpty()) {
            payloads.add(json.writeValueAsString(chunk));
        }
        return payloads;
    }

    /** Starts, and after a stop starts again (test contexts are paused and resumed). */
    @Override
    public void start() {
        synchronized (pending) {
            sender = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("live-notify").daemon().factory());
            flushScheduled = false;
            running = true;
        }
    }

    /** Sends what is waiting, then stops. */
    @Override
    public void stop() {
        ScheduledExecutorService stopping;
        synchronized (pending) {
            running = false;
            stopping = sender;
            sender = null;
        }
        if (stopping != null) {
            stopping.shutdown();
            try {
                stopping.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
