package dev.casekeeper.events;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * Runs again, while the application runs, the reactions that did not happen: publications whose
 * listener failed, and publications left unfinished by a node that died. One node at a time does it
 * (a db-scheduler job). A publication neither completed nor failed {@code stale-after} after it was
 * published or last resubmitted is taken as failed; a failed one runs again with back-off
 * ({@link RetryBackoff}). Listeners are idempotent, so a publication that was only slow and runs
 * twice does no harm.
 */
@Configuration(proxyBeanMethods = false)
class PublicationRecovery {

    private static final Logger log = LoggerFactory.getLogger(PublicationRecovery.class);
    /** How many failed publications one pass looks at; the rest wait for the next pass. */
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final FailedEventPublications failed;
    private final EventSettings.Recovery settings;
    private final RetryBackoff backoff;
    private final PublicationBacklog backlog;
    private final Clock clock;

    PublicationRecovery(
            JdbcClient jdbc,
            FailedEventPublications failed,
            PublicationBacklog backlog,
            EventSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.failed = failed;
        this.backlog = backlog;
        this.settings = settings.recovery();
        this.backoff = new RetryBackoff(this.settings.firstRetry(), this.settings.maxRetryDelay());
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> eventPublicationRecoveryTask() {
        return Tasks.recurring("event-publication-recovery", FixedDelay.of(settings.interval()))
                .execute((instance, context) -> {
                    if (settings.enabled()) {
                        recover();
                    }
                });
    }

    /** One pass: stale publications become failed, and failed ones that are due run again. */
    void recover() {
        Instant now = clock.instant();
        int stale = markStaleFailed(now.minus(settings.staleAfter()));
        if (stale > 0) {
            log.warn(
                    "{} event publications were not completed within {} and are taken as failed",
                    stale,
                    settings.staleAfter());
        }
        failed.resubmit(ResubmissionOptions.defaults()
                .withBatchSize(BATCH)
                .withMaxInFlight(BATCH)
                .withFilter(publication -> {
                    boolean due = backoff.due(
                            publication.getCompletionAttempts(),
                            RetryBackoff.lastAttempt(
                                    publication.getPublicationDate(), publication.getLastResubmissionDate()),
                            now);
                    if (due) {
                        log.info(
                                "Running event publication {} ({}) again, attempt {}",
                                publication.getIdentifier(),
                                publication.getEvent().getClass().getSimpleName(),
                                publication.getCompletionAttempts() + 1);
                    }
                    return due;
                }));
        backlog.snapshot(); // warns when the oldest unfinished publication is too old
    }

    private int markStaleFailed(Instant before) {
        return jdbc.sql("""
                        update event_publication
                           set status = 'FAILED'
                         where completion_date is null
                           and (status in ('PUBLISHED', 'PROCESSING') and publication_date < :before
                                or status = 'RESUBMITTED' and coalesce(last_resubmission_date, publication_date) < :before)
                        """).param("before", Timestamp.from(before)).update();
    }
}
