package dev.casekeeper.followups;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.casekeeper.cases.CaseId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durable timers of follow-ups (db-scheduler): a promise's reminder and overdue alert
 * ({@code promise-<id>-reminder}, {@code promise-<id>-overdue}) and a case's check-in after solving
 * ({@code case-<id>-checkin-<solved epoch ms>}). Ids are fixed by what they are for, so each is
 * scheduled once however many nodes try; a timer whose promise was kept meanwhile does nothing.
 */
@Configuration(proxyBeanMethods = false)
class FollowupTimers {

    static final TaskDescriptor<String> PROMISE = TaskDescriptor.of("promise-timer", String.class);
    static final TaskDescriptor<String> CHECKIN = TaskDescriptor.of("checkin-timer", String.class);

    private final ObjectProvider<SchedulerClient> scheduler;

    FollowupTimers(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    @Bean
    OneTimeTask<String> promiseTimerTask(ObjectProvider<PromiseAlerts> alerts, TransactionTemplate transactions) {
        return Tasks.oneTime(PROMISE).execute((instance, context) -> {
            var id = UUID.fromString(instance.getData());
            transactions.executeWithoutResult(status -> {
                if (instance.getId().endsWith("-reminder")) {
                    alerts.getObject().remind(id);
                } else {
                    alerts.getObject().overdue(id);
                }
            });
        });
    }

    @Bean
    OneTimeTask<String> checkinTimerTask(ObjectProvider<Checkins> checkins, TransactionTemplate transactions) {
        return Tasks.oneTime(CHECKIN).execute((instance, context) -> {
            var parts = instance.getData().split("\\|", 2);
            transactions.executeWithoutResult(
                    status -> checkins.getObject().due(new CaseId(UUID.fromString(parts[0])), Instant.parse(parts[1])));
        });
    }

    /** A reminder {@code lead} before the promise is due (unless that has passed), and the overdue alert when it is. */
    void schedulePromise(FollowupId id, Instant dueAt, Duration lead, Instant now) {
        var client = scheduler.getObject();
        Instant remindAt = dueAt.minus(lead);
        if (remindAt.isAfter(now) && !lead.isZero()) {
            client.scheduleIfNotExists(PROMISE.instance("promise-" + id + "-reminder")
                    .data(id.toString())
                    .scheduledTo(remindAt));
        }
        client.scheduleIfNotExists(PROMISE.instance("promise-" + id + "-overdue")
                .data(id.toString())
                .scheduledTo(dueAt));
    }

    /** A kept or withdrawn promise needs no reminder; one already running finds it closed and does nothing. */
    void cancelPromise(FollowupId id) {
        for (var purpose : new String[] {"-reminder", "-overdue"}) {
            try {
                scheduler.getObject().cancel(PROMISE.instanceId("promise-" + id + purpose));
            } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException e) {
                // Never scheduled, already ran, or running now: nothing to cancel.
            }
        }
    }

    void scheduleCheckin(CaseId caseId, Instant solvedAt, Instant at) {
        scheduler
                .getObject()
                .scheduleIfNotExists(CHECKIN.instance("case-" + caseId + "-checkin-" + solvedAt.toEpochMilli())
                        .data(caseId + "|" + solvedAt)
                        .scheduledTo(at));
    }
}
