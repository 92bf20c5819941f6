package dev.casekeeper.bus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.backoff.BackOff;

/**
 * Sends the bus's notifications on a thread of its own, so a {@code NOTIFY} never runs inside a busy
 * write transaction (at commit it takes a lock that makes writers wait for each other), and
 * whatever is waiting when it wakes goes out in one statement, on a connection of the pool (a
 * notification leaves nothing behind on it). A failed statement is tried again after a back-off,
 * in order. Messages that do not fit the outbox while PostgreSQL is away are dropped, and once it
 * is back the other nodes are told that they may have missed some.
 */
final class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final int CAPACITY = 10_000;
    private static final int BATCH = 200;
    /** How long a stop waits for the last messages to go out. */
    private static final long STOP_MILLIS = 2_000;

    private final JdbcClient jdbc;
    private final BackOff backOff;
    private final long idleWaitMillis;
    private final String gap;
    private final LinkedBlockingQueue<String> outbox = new LinkedBlockingQueue<>(CAPACITY);
    private volatile boolean lost;
    private volatile boolean running;
    private volatile CountDownLatch stopping = new CountDownLatch(0);
    private @Nullable Thread thread;

    Notifier(JdbcClient jdbc, BackOff backOff, Duration idleWait, UUID node) {
        this.jdbc = jdbc;
        this.backOff = backOff;
        this.idleWaitMillis = idleWait.toMillis();
        this.gap = node + " " + PostgresClusterBus.EVERY_TOPIC + " ";
    }

    void send(String envelope) {
        if (!outbox.offer(envelope) && !lost) {
            lost = true;
            log.warn("Cluster bus outbox full ({} messages): other nodes will be told they missed some", CAPACITY);
        }
    }

    private void loop() {
        while (running || !outbox.isEmpty()) {
            try {
                var first = outbox.poll(idleWaitMillis, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                var batch = new ArrayList<String>();
                if (lost) {
                    lost = false;
                    batch.add(gap);
                }
                batch.add(first);
                outbox.drainTo(batch, BATCH - batch.size());
                sendUntilSent(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void sendUntilSent(ArrayList<String> batch) throws InterruptedException {
        var waits = backOff.start();
        while (true) {
            try {
                jdbc.sql("select pg_notify('" + PostgresClusterBus.CHANNEL + "', p) from unnest(:batch) as p")
                        .param("batch", batch.toArray(String[]::new))
                        .query()
                        .listOfRows();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    log.warn("Cluster bus stopped with {} message(s) not sent: {}", batch.size(), e.getMessage());
                    return;
                }
                long wait = waits.nextBackOff();
                log.warn(
                        "Cluster bus could not send {} message(s), trying again in {} ms: {}",
                        batch.size(),
                        wait,
                        e.getMessage());
                if (stopping.await(wait, TimeUnit.MILLISECONDS)) {
                    running = false;
                }
            }
        }
    }

    void start() {
        running = true;
        stopping = new CountDownLatch(1);
        thread = Thread.ofPlatform().name("bus-notify").daemon().start(this::loop);
    }

    /** Sends what is waiting (one more attempt if sending fails), then stops. */
    void stop() {
        running = false;
        stopping.countDown();
        var current = thread;
        if (current != null) {
            try {
                current.join(STOP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
