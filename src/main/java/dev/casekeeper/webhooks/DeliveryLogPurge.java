package dev.casekeeper.webhooks;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Finished deliveries older than {@code casekeeper.webhooks.keep-log} leave the log, hourly, in
 * small batches, on one node at a time (db-scheduler). Pending ones stay whatever their age.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryLogPurge {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLogPurge.class);
    private static final int BATCH = 1000;

    @Bean
    RecurringTask<Void> webhookLogPurgeTask(DeliveryQueries deliveries, WebhookSettings settings, Clock clock) {
        return Tasks.recurring("webhooks-log-purge", FixedDelay.ofHours(1)).execute((instance, context) -> {
            var before = clock.instant().minus(settings.keepLog());
            int purged = 0;
            int batch;
            do {
                batch = deliveries.purge(before, BATCH);
                purged += batch;
            } while (batch == BATCH);
            if (purged > 0) {
                log.info(
                        "Webhook delivery log: {} finished deliveries older than {} removed",
                        purged,
                        settings.keepLog());
            }
        });
    }
}
