package dev.casekeeper.imports;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An import runs as a db-scheduler task: written with the job, run on one node, and, when that node
 * dies mid-run, taken up again by a live node once db-scheduler sees the run is dead; the run then
 * goes on from the job's checkpoint.
 */
@Configuration(proxyBeanMethods = false)
class ImportTask {

    static final TaskDescriptor<String> RUN = TaskDescriptor.of("imports-run", String.class);

    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    ImportTask(ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Bean
    OneTimeTask<String> importsRunTask(ObjectProvider<ImportRunner> runner) {
        return Tasks.oneTime(RUN)
                .execute((instance, context) -> runner.getObject().run(UUID.fromString(instance.getData())));
    }

    void schedule(UUID jobId) {
        scheduler
                .getObject()
                .scheduleIfNotExists(
                        RUN.instance(jobId.toString()).data(jobId.toString()).scheduledTo(clock.instant()));
    }
}
