package dev.casekeeper.routing;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Routing's durable timers (db-scheduler): the expiry of each offer, scheduled in the transaction
 * that makes the offer, so a restart never strands one; and the sweep, which moves contacts that
 * waited past their team's overflow wait and offers whatever an event missed.
 */
@Configuration(proxyBeanMethods = false)
class OfferTimers {

    static final TaskDescriptor<String> EXPIRY = TaskDescriptor.of("routing-offer-expiry", String.class);
    static final TaskDescriptor<Void> SWEEP = TaskDescriptor.of("routing-sweep");

    private final ObjectProvider<SchedulerClient> scheduler;

    OfferTimers(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    @Bean
    OneTimeTask<String> routingOfferExpiryTask(ObjectProvider<ContactFlow> flow) {
        return Tasks.oneTime(EXPIRY)
                .execute((instance, context) ->
                        flow.getObject().expire(new OfferId(UUID.fromString(instance.getData()))));
    }

    @Bean
    RecurringTask<Void> routingSweepTask(ObjectProvider<ContactFlow> flow, RoutingSettings settings) {
        return Tasks.recurring(SWEEP, FixedDelay.of(settings.sweepInterval()))
                .execute((instance, context) -> flow.getObject().sweep());
    }

    void scheduleExpiry(UUID offerId, Instant at) {
        scheduler
                .getObject()
                .scheduleIfNotExists(EXPIRY.instance(offerId.toString())
                        .data(offerId.toString())
                        .scheduledTo(at));
    }

    /** The offer was answered: its expiry has nothing left to do. */
    void cancelExpiry(UUID offerId) {
        try {
            scheduler.getObject().cancel(EXPIRY.instanceId(offerId.toString()));
        } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException e) {
            // Already ran, or running now: it will find the offer answered and do nothing.
        }
    }
}
