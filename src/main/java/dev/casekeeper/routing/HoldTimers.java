package dev.casekeeper.routing;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hold limit's durable timer (db-scheduler), written in the transaction that starts the hold:
 * whichever node runs it prompts the agent, also after a restart. A hold that ended meanwhile makes
 * it do nothing, so it is never cancelled.
 */
@Configuration(proxyBeanMethods = false)
class HoldTimers {

    static final TaskDescriptor<String> LIMIT = TaskDescriptor.of("routing-hold-limit", String.class);

    private final ObjectProvider<SchedulerClient> scheduler;

    HoldTimers(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    @Bean
    OneTimeTask<String> routingHoldLimitTask(ObjectProvider<LiveContacts> contacts) {
        return Tasks.oneTime(LIMIT)
                .execute((instance, context) -> contacts.getObject().holdLimit(UUID.fromString(instance.getData())));
    }

    void scheduleLimit(UUID holdId, Instant at) {
        scheduler
                .getObject()
                .scheduleIfNotExists(LIMIT.instance(holdId.toString())
                        .data(holdId.toString())
                        .scheduledTo(at));
    }
}
