package dev.casekeeper.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * This node's heartbeat in {@code events.node}, and what a node does at start with the event
 * publications left unfinished: when it is the only node alive, they were left by a node that is gone
 * (a crash or a stop before the listeners ran), and they run again at once. With other nodes alive,
 * they may still be running there, so {@link PublicationRecovery} takes them when they go stale —
 * instead of every node running every unfinished publication again whenever it starts.
 */
@Component
class NodeHeartbeats implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NodeHeartbeats.class);
    static final Duration BEAT = Duration.ofSeconds(5);
    /** A node unheard of for this long is gone. */
    static final Duration ALIVE = BEAT.multipliedBy(4);

    private final UUID id = UUID.randomUUID();
    private final JdbcClient jdbc;
    private final IncompleteEventPublications incomplete;
    private final Instant startedAt;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("node-heartbeat").factory());

    NodeHeartbeats(JdbcClient jdbc, IncompleteEventPublications incomplete, Clock clock) {
        this.jdbc = jdbc;
        this.incomplete = incomplete;
        this.startedAt = clock.instant();
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        boolean alone = othersAlive() == 0;
        jdbc.sql("insert into events.node (id) values (:id)").param("id", id).update();
        beats.scheduleWithFixedDelay(this::beat, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
        if (alone) {
            // Published before this node started, by the application clock the registry stamps them with.
            incomplete.resubmitIncompletePublications(
                    publication -> publication.getPublicationDate().isBefore(startedAt));
        } else {
            log.info("Other nodes are running: unfinished event publications are left to the recovery job");
        }
    }

    int othersAlive() {
        return jdbc.sql(
                        "select count(*) from events.node where id <> :id and seen_at > now() - make_interval(secs => :alive)")
                .param("id", id)
                .param("alive", ALIVE.toSeconds())
                .query(Integer.class)
                .single();
    }

    private void beat() {
        try {
            jdbc.sql("update events.node set seen_at = now() where id = :id")
                    .param("id", id)
                    .update();
            jdbc.sql("delete from events.node where seen_at < now() - interval '1 day'")
                    .update();
        } catch (RuntimeException e) {
            log.warn("Could not record this node's heartbeat: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        beats.shutdownNow();
        try {
            jdbc.sql("delete from events.node where id = :id").param("id", id).update();
        } catch (RuntimeException e) {
            // The database may be gone first; the row goes stale by itself.
        }
    }
}
