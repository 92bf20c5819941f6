package dev.casekeeper.reports;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Once a day, on one node (db-scheduler), the facts of the recent days' cases are worked out again
 * from their timelines: a safety net under the facts written with each change, which a crash
 * between a change and its durable listener, or a bug since fixed, could have left stale. Each run
 * is recorded in {@code reports.reconcile_run}.
 */
@Configuration(proxyBeanMethods = false)
class NightlyReconcile {

    static final String TASK = "reports-reconcile";

    private static final Logger log = LoggerFactory.getLogger(NightlyReconcile.class);

    @Bean
    RecurringTask<Void> reportsReconcileTask(Reports reports, ReportsSettings settings, JdbcClient jdbc, Clock clock) {
        var reconcile = settings.reconcile();
        // A disabled schedule also removes a run left scheduled from before it was turned off.
        Schedule schedule =
                reconcile.days() == 0 ? Schedules.cron("-") : Schedules.daily(settings.zone(), reconcile.time());
        return Tasks.recurring(TASK, schedule).execute((instance, context) -> {
            var started = clock.instant();
            var to = LocalDate.ofInstant(started, settings.zone());
            var from = to.minusDays(reconcile.days() - 1L);
            int refreshed = reports.refreshCreated(from, to);
            jdbc.sql("""
                            insert into reports.reconcile_run (started_at, finished_at, from_day, to_day, cases)
                            values (:started, :finished, :from, :to, :cases)
                            """)
                    .param("started", java.sql.Timestamp.from(started))
                    .param("finished", java.sql.Timestamp.from(clock.instant()))
                    .param("from", from)
                    .param("to", to)
                    .param("cases", refreshed)
                    .update();
            log.info(
                    "Reports reconciled: the facts of {} cases created {} to {} worked out again", refreshed, from, to);
        });
    }
}
