package dev.casekeeper.channels.chat;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node says it is alive every {@value #BEAT_SECONDS} seconds (one row per node, not per
 * socket), so the grace timers can ignore the sockets of a node that died. A node stopping cleanly
 * takes its sockets' rows with it.
 */
@Component
class ChatNodes implements SmartLifecycle {

    static final long BEAT_SECONDS = 10;
    private static final Logger log = LoggerFactory.getLogger(ChatNodes.class);

    private final UUID id = UUID.randomUUID();
    private final ConversationQueries queries;
    private final Clock clock;
    private volatile @Nullable ScheduledExecutorService beat;

    ChatNodes(ConversationQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** This node, as the chat's tables name it (its sockets are counted per node). */
    UUID id() {
        return id;
    }

    private void alive() {
        try {
            queries.nodeAlive(id, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Could not record that this chat node is alive: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        alive();
        var scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("chat-node").daemon().factory());
        scheduler.scheduleAtFixedRate(this::alive, BEAT_SECONDS, BEAT_SECONDS, TimeUnit.SECONDS);
        beat = scheduler;
    }

    @Override
    public void stop() {
        var scheduler = beat;
        beat = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                queries.nodeGone(id);
            } catch (RuntimeException e) {
                log.debug("Could not remove this chat node's rows: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return beat != null;
    }
}
