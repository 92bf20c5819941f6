package dev.casekeeper.bus;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The cluster bus on PostgreSQL {@code LISTEN/NOTIFY}, on one channel for every topic. A message is
 * handed to this node's subscribers directly and to the other nodes by a {@link Notifier}, once the
 * publishing transaction committed; a {@link NotificationListener} on a connection of its own (never
 * one of the pool) hears the other nodes. A node skips its own notifications: its subscribers had
 * the message already.
 *
 * <p>What crosses the nodes is {@code <node> <topic> <payload>}; the topic {@value #EVERY_TOPIC}
 * with no payload says that a node could not send everything it should have, so every subscriber
 * may have missed messages.
 */
@Component
class PostgresClusterBus implements ClusterBus, SmartLifecycle {

    static final String CHANNEL = "casekeeper_bus";
    static final String EVERY_TOPIC = "*";
    private static final Logger log = LoggerFactory.getLogger(PostgresClusterBus.class);

    private final UUID node = UUID.randomUUID();
    private final Map<Topic, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Notifier notifier;
    private final NotificationListener listener;
    private volatile @Nullable ExecutorService deliveries;

    PostgresClusterBus(JdbcClient jdbc, DataSourceProperties database, BusSettings settings) {
        this.notifier = new Notifier(jdbc, settings.backOff(), settings.idleWait(), node);
        this.listener = new NotificationListener(
                ListenConnection.to(database, node),
                settings.backOff(),
                settings.idleWait(),
                this::heard,
                this::reconnected);
    }

    /** This node's name on the bus, also the PostgreSQL application name of its listening connection. */
    UUID node() {
        return node;
    }

    @Override
    public void publish(Topic topic, String payload) {
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("A bus message has at most " + MAX_PAYLOAD_BYTES + " bytes");
        }
        Runnable send = () -> {
            deliver(topic, payload);
            notifier.send(node + " " + topic.name() + " " + payload);
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // At completion, not in afterCommit: a message published by another synchronization's
            // afterCommit (an after-commit event listener) registers too late for that round.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        send.run();
                    }
                }
            });
        } else {
            send.run();
        }
    }

    @Override
    public Subscription subscribe(Topic topic, Subscriber subscriber) {
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(subscriber);
        return () -> subscribers.getOrDefault(topic, List.of()).remove(subscriber);
    }

    /** A notification from any node, this one's too. */
    private void heard(String envelope) {
        var parts = envelope.split(" ", 3);
        if (parts.length < 3 || parts[0].equals(node.toString())) {
            return;
        }
        if (parts[1].equals(EVERY_TOPIC)) {
            log.warn("Node {} of the cluster bus could not send every message; subscribers read again", parts[0]);
            missedByAll();
        } else {
            deliver(new Topic(parts[1]), parts[2]);
        }
    }

    private void reconnected() {
        log.info("Cluster bus connected again; subscribers read again what they may have missed");
        missedByAll();
    }

    private void deliver(Topic topic, String payload) {
        run(subscribers.getOrDefault(topic, List.of()), s -> s.receive(payload));
    }

    private void missedByAll() {
        subscribers.values().forEach(list -> run(list, Subscriber::missedMessages));
    }

    private void run(List<Subscriber> to, java.util.function.Consumer<Subscriber> call) {
        var executor = deliveries;
        if (executor == null || to.isEmpty()) {
            return;
        }
        executor.execute(() -> to.forEach(subscriber -> {
            try {
                call.accept(subscriber);
            } catch (RuntimeException e) {
                log.warn("A cluster bus subscriber failed: {}", e.toString());
            }
        }));
    }

    @Override
    public void start() {
        deliveries = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("bus-deliver").daemon().factory());
        notifier.start();
        listener.start();
    }

    /** Sends what is waiting, then stops; started again, subscribers hear they may have missed messages. */
    @Override
    public void stop() {
        listener.stop();
        notifier.stop();
        var executor = deliveries;
        deliveries = null;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return deliveries != null;
    }

    /** Starts before, and stops after, the web server and whatever publishes or subscribes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
