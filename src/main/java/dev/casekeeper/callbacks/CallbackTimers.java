package dev.casekeeper.callbacks;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durable timers of callbacks (db-scheduler): a warning before the window closes and the overdue
 * alert when it does, per attempt ({@code callback-<id>-<attempt>-warn}, {@code -overdue}), so a
 * retry gets timers of its own; a timer whose callback was done or planned again does nothing.
 */
@Configuration(proxyBeanMethods = false)
class CallbackTimers {

    static final TaskDescriptor<String> TIMER = TaskDescriptor.of("callback-timer", String.class);

    private final ObjectProvider<SchedulerClient> scheduler;
    private final CallbacksSettings settings;

    CallbackTimers(ObjectProvider<SchedulerClient> scheduler, CallbacksSettings settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    @Bean
    OneTimeTask<String> callbackTimerTask(ObjectProvider<CallbackAlerts> alerts, TransactionTemplate transactions) {
        return Tasks.oneTime(TIMER).execute((instance, context) -> {
            var parts = instance.getData().split("\\|", 2);
            var id = UUID.fromString(parts[0]);
            var until = Instant.parse(parts[1]);
            transactions.executeWithoutResult(status -> {
                if (instance.getId().endsWith("-warn")) {
                    alerts.getObject().warn(id, until);
                } else {
                    alerts.getObject().overdue(id, until);
                }
            });
        });
    }

    void schedule(CallbackId id, int attempt, CallbackWindow window, Instant now) {
        var client = scheduler.getObject();
        var data = id + "|" + window.until();
        var warnAt = window.until().minus(settings.warnBefore());
        if (warnAt.isAfter(now) && !settings.warnBefore().isZero()) {
            client.scheduleIfNotExists(
                    TIMER.instance(name(id, attempt, "warn")).data(data).scheduledTo(warnAt));
        }
        client.scheduleIfNotExists(
                TIMER.instance(name(id, attempt, "overdue")).data(data).scheduledTo(window.until()));
    }

    void cancel(CallbackId id, int attempt) {
        for (var purpose : new String[] {"warn", "overdue"}) {
            try {
                scheduler.getObject().cancel(TIMER.instanceId(name(id, attempt, purpose)));
            } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException e) {
                // Never scheduled, already ran, or running now: nothing to cancel.
            }
        }
    }

    private static String name(CallbackId id, int attempt, String purpose) {
        return "callback-" + id + "-" + attempt + "-" + purpose;
    }
}
