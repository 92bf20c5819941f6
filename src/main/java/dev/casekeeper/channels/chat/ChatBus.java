package dev.casekeeper.channels.chat;

import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Chat frames between nodes: {@code NOTIFY casekeeper_chat} on a sender thread of its own (so it
 * runs after the change committed, in its own short transaction, never inside a busy one), and one
 * {@code LISTEN} connection per node. Unlike the workspace's live signals, frames are not delayed to
 * coalesce: a chat wants them at once. Whatever is waiting when the sender wakes goes in one
 * statement. A node ignores its own frames: it delivered them to its sockets already.
 */
@Component
class ChatBus implements SmartLifecycle {

    static final String CHANNEL = "casekeeper_chat";
    private static final Logger log = LoggerFactory.getLogger(ChatBus.class);
    private static final int WAIT_MILLIS = 500;
    private static final int BATCH = 200;

    private final UUID node = UUID.randomUUID();
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final LinkedBlockingQueue<String> outbox = new LinkedBlockingQueue<>();
    private volatile @Nullable Consumer<String> receiver;
    private volatile boolean running;
    private @Nullable Thread sender;
    private @Nullable Thread listener;

    ChatBus(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    UUID node() {
        return node;
    }

    void onReceive(Consumer<String> receiver) {
        this.receiver = receiver;
    }

    /** Sends a payload to the other nodes (PostgreSQL takes payloads under 8000 bytes). */
    void send(String payload) {
        outbox.add(payload);
    }

    private void sendLoop() {
        while (running || !outbox.isEmpty()) {
            try {
                var first = outbox.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                var batch = new ArrayList<String>();
                batch.add(first);
                outbox.drainTo(batch, BATCH - 1);
                try {
                    jdbc.sql("select pg_notify('" + CHANNEL + "', p) from unnest(:payloads) as p")
                            .param("payloads", batch.toArray(String[]::new))
                            .query()
                            .listOfRows();
                } catch (RuntimeException e) {
                    // The frames are stored; a client that missed one gets it when it resumes.
                    log.warn("Could not send {} chat frame(s) to other nodes: {}", batch.size(), e.getMessage());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void listen() {
        while (running) {
            try (var open = dataSource.getConnection()) {
                try (var statement = open.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                var pg = open.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    var to = receiver;
                    for (var notification : notifications) {
                        if (to != null) {
                            try {
                                to.accept(notification.getParameter());
                            } catch (RuntimeException e) {
                                log.warn("Ignored a chat frame from another node: {}", e.getMessage());
                            }
                        }
                    }
                }
            } catch (java.sql.SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Chat frames from other nodes paused, listening again shortly: {}", e.getMessage());
                    try {
                        Thread.sleep(2000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        sender = Thread.ofPlatform().name("chat-notify").daemon().start(this::sendLoop);
        listener = Thread.ofPlatform().name("chat-listen").daemon().start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        for (var thread : new Thread[] {sender, listener}) {
            if (thread != null) {
                try {
                    thread.join(WAIT_MILLIS * 4L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
