package dev.casekeeper.live;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on one dedicated connection for the signals every node sends, this one included, and
 * hands them to this node's open streams. A lost connection is opened again after a pause.
 */
@Component
class LiveListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveListener.class);
    private static final int WAIT_MILLIS = 500;
    private static final long RECONNECT_MILLIS = 2000;

    private final DataSource dataSource;
    private final LiveBus bus;
    private final LiveStreams streams;
    private volatile boolean running;
    private @Nullable Thread thread;

    LiveListener(DataSource dataSource, LiveBus bus, LiveStreams streams) {
        this.dataSource = dataSource;
        this.bus = bus;
        this.streams = streams;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("live-listen").daemon().start(this::listen);
    }

    private void listen() {
        while (running) {
            try (var open = dataSource.getConnection()) {
                try (var statement = open.createStatement()) {
                    statement.execute("listen " + LiveBus.CHANNEL);
                }
                var pg = open.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    for (var notification : notifications) {
                        deliver(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Live updates paused, listening again shortly: {}", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void deliver(String payload) {
        try {
            bus.read(payload).forEach(streams::deliver);
        } catch (RuntimeException e) {
            log.warn("Ignored a live signal that could not be read: {}", e.getMessage());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        var current = thread;
        if (current != null) {
            try {
                current.join(WAIT_MILLIS * 4L);
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
