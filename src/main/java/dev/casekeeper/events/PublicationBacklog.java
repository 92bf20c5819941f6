package dev.casekeeper.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the event publication registry still has to do, as metrics: how many publications are
 * incomplete, how many of them failed, and the age of the oldest. A growing age means reactions
 * (SLA timers, scores, routing, outbound mail) lag or keep failing; past {@code alert-after} every
 * look logs a warning. Read from the database at most every few seconds, whatever scrapes it.
 */
@Component
class PublicationBacklog {

    private static final Logger log = LoggerFactory.getLogger(PublicationBacklog.class);
    private static final Duration FRESH = Duration.ofSeconds(5);

    record Snapshot(long incomplete, long failed, Duration oldestAge, Instant readAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration alertAfter;
    private final AtomicReference<@Nullable Snapshot> last = new AtomicReference<>();

    PublicationBacklog(JdbcClient jdbc, Clock clock, EventSettings settings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.alertAfter = settings.recovery().alertAfter();
        Gauge.builder(
                        "casekeeper.events.incomplete",
                        this,
                        backlog -> backlog.snapshot().incomplete())
                .description("Event publications whose listener has not completed yet")
                .register(meters);
        Gauge.builder(
                        "casekeeper.events.failed",
                        this,
                        backlog -> backlog.snapshot().failed())
                .description("Event publications whose listener failed and that wait to run again")
                .register(meters);
        Gauge.builder(
                        "casekeeper.events.oldest.incomplete.age",
                        this,
                        backlog -> backlog.snapshot().oldestAge().toMillis() / 1000.0)
                .baseUnit("seconds")
                .description("Age of the oldest event publication not completed yet")
                .register(meters);
    }

    Snapshot snapshot() {
        Instant now = clock.instant();
        var known = last.get();
        if (known != null && Duration.between(known.readAt(), now).abs().compareTo(FRESH) < 0) {
            return known;
        }
        return refresh(now);
    }

    /** Reads the backlog now, whenever it was last read. */
    Snapshot refresh(Instant now) {
        var read = read(now);
        last.set(read);
        if (read.oldestAge().compareTo(alertAfter) > 0) {
            log.warn(
                    "The oldest of {} incomplete event publications ({} failed) is {} old: reactions lag or keep failing",
                    read.incomplete(),
                    read.failed(),
                    read.oldestAge().withNanos(0));
        }
        return read;
    }

    private Snapshot read(Instant now) {
        return jdbc.sql("""
                        select count(*) as incomplete,
                               count(*) filter (where status = 'FAILED') as failed,
                               min(publication_date) as oldest
                          from event_publication
                         where completion_date is null
                        """)
                .query((rs, row) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    var age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
                    return new Snapshot(
                            rs.getLong("incomplete"),
                            rs.getLong("failed"),
                            age.isNegative() ? Duration.ZERO : age,
                            now);
                })
                .single();
    }
}
