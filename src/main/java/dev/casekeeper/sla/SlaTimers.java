package dev.casekeeper.sla;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable timers of SLA clocks (db-scheduler). Each timer only asks the case's clocks to be
 * worked out again at its moment; what happens then is decided from the case as it is, so a stale
 * timer (the customer got their reply meanwhile) does nothing. A case has at most one timer, at
 * the earliest warning, breach or unowned alert still to come: that refresh records what is due and
 * leaves the timer for the next moment. A timer's id names the case and its moment
 * ({@code case-<id>-next-<epoch ms>}): two nodes working out the same clocks schedule the same timer
 * once, and a moved moment is a new timer.
 */
@Configuration(proxyBeanMethods = false)
class SlaTimers {

    static final TaskDescriptor<String> TASK = TaskDescriptor.of("sla-clock", String.class);

    private static final Logger log = LoggerFactory.getLogger(SlaTimers.class);

    private final ObjectProvider<SchedulerClient> scheduler;

    SlaTimers(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    @Bean
    OneTimeTask<String> slaClockTask(ObjectProvider<SlaClocks> clocks, TransactionTemplate transactions) {
        return Tasks.oneTime(TASK).execute((instance, context) -> {
            var caseId = new CaseId(UUID.fromString(instance.getData()));
            log.debug("SLA timer {} for case {}", instance.getId(), caseId);
            transactions.executeWithoutResult(status -> clocks.getObject().refresh(caseId));
        });
    }

    private static String id(CaseId caseId, Instant at) {
        return "case-" + caseId + "-next-" + at.toEpochMilli();
    }

    /**
     * Makes the case's timer the one at {@code next} (none when null): cancels the others, schedules
     * it if it is new, and answers the ids of the timers the case now has, for its record. Runs in
     * the caller's transaction (db-scheduler's data source takes part in it), so the timer changes
     * exactly when the clocks' record does. {@code firstTimer} when the case has had no SLA record
     * before, so no timer either (the two are written together): the timer is inserted without first
     * asking whether it exists.
     */
    List<String> replace(CaseId caseId, Collection<String> scheduled, @Nullable Instant next, boolean firstTimer) {
        String wanted = next == null ? null : id(caseId, next);
        var client = scheduler.getObject();
        for (var old : scheduled) {
            if (!old.equals(wanted)) {
                try {
                    client.cancel(TASK.instanceId(old));
                } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException e) {
                    // Already ran, or running now: it will find nothing to do.
                }
            }
        }
        if (wanted == null) {
            return List.of();
        }
        if (firstTimer) {
            client.scheduleBatch(List.<SchedulableInstance<?>>of(
                    TASK.instance(wanted).data(caseId.toString()).scheduledTo(next)));
        } else if (!scheduled.contains(wanted)) {
            client.scheduleIfNotExists(
                    TASK.instance(wanted).data(caseId.toString()).scheduledTo(next));
        }
        return List.of(wanted);
    }
}
