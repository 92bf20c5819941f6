package dev.casekeeper.bus;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Listens for the bus's notifications on a connection of its own and hands each to the bus. A
 * connection that drops (PostgreSQL restarted, the backend was ended, the network went away) is
 * opened again after a back-off; once it listens again, the bus is told, because whatever was sent
 * in between is lost. A quiet connection is checked every {@value #CHECK_MILLIS} ms, so one that
 * died without a word is found too.
 */
final class NotificationListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);
    /** How long a stop waits for the listening thread to end. */
    private static final long STOP_MILLIS = 2_000;

    private static final long CHECK_MILLIS = 10_000;
    private static final long START_WAIT_SECONDS = 10;

    private final ListenConnection connections;
    private final BackOff backOff;
    private final int idleWaitMillis;
    private final Consumer<String> heard;
    private final Runnable reconnected;
    private volatile boolean running;
    private volatile CountDownLatch stopping = new CountDownLatch(0);
    /** Whether messages may have been lost since the last time this listened: after a drop, or a stop. */
    private volatile boolean gap;

    private volatile CountDownLatch listening = new CountDownLatch(0);

    private @Nullable Thread thread;

    NotificationListener(
            ListenConnection connections,
            BackOff backOff,
            Duration idleWait,
            Consumer<String> heard,
            Runnable reconnected) {
        this.connections = connections;
        this.backOff = backOff;
        this.idleWaitMillis = Math.toIntExact(idleWait.toMillis());
        this.heard = heard;
        this.reconnected = reconnected;
    }

    private void loop() {
        BackOffExecution waits = null;
        while (running) {
            try (var connection = connections.open()) {
                try (var statement = connection.createStatement()) {
                    statement.execute("listen " + PostgresClusterBus.CHANNEL);
                }
                waits = null;
                listening.countDown();
                if (gap) {
                    gap = false;
                    reconnected.run();
                }
                var pg = connection.unwrap(PGConnection.class);
                long checked = System.nanoTime();
                while (running) {
                    var notifications = pg.getNotifications(idleWaitMillis);
                    if (notifications != null) {
                        for (var notification : notifications) {
                            heard.accept(notification.getParameter());
                        }
                    }
                    if (System.nanoTime() - checked > TimeUnit.MILLISECONDS.toNanos(CHECK_MILLIS)) {
                        try (var statement = connection.createStatement()) {
                            statement.execute("select 1");
                        }
                        checked = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                gap = true;
                if (waits == null) {
                    waits = backOff.start();
                }
                long wait = waits.nextBackOff();
                log.warn("Cluster bus lost its connection, connecting again in {} ms: {}", wait, e.getMessage());
                try {
                    stopping.await(wait, TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Starts listening, and waits a moment for it, so that a node that starts hears what is sent from
     * then on. A database that does not answer holds up nobody: the listener goes on trying, and its
     * subscribers hear they may have missed messages once it listens.
     */
    void start() {
        running = true;
        stopping = new CountDownLatch(1);
        listening = new CountDownLatch(1);
        thread = Thread.ofPlatform().name("bus-listen").daemon().start(this::loop);
        try {
            if (!listening.await(START_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Cluster bus not listening yet; it goes on trying in the background");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

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
            // Whatever is sent until the next start is not heard.
            gap = true;
        }
    }
}
