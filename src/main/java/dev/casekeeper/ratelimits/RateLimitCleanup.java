package dev.casekeeper.ratelimits;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Buckets full again for a while (nobody used the key) leave the table, on one node at a time. */
@Configuration(proxyBeanMethods = false)
class RateLimitCleanup {

    private static final Logger log = LoggerFactory.getLogger(RateLimitCleanup.class);

    @Bean
    RecurringTask<Void> rateLimitCleanupTask(RateLimits limits) {
        // The name from when only the API kept buckets: db-scheduler keeps the task's row by name, and a
        // renamed task would leave the old row behind, warned about at every poll until it is deleted.
        return Tasks.recurring("api-rate-limit-cleanup", FixedDelay.ofMinutes(10))
                .execute((instance, context) -> {
                    int removed = 0;
                    int batch;
                    do {
                        batch = limits.removeExpired(1000);
                        removed += batch;
                    } while (batch == 1000);
                    if (removed > 0) {
                        log.debug("Rate limits: {} idle bucket(s) removed", removed);
                    }
                });
    }
}
