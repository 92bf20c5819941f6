package dev.casekeeper.events;

import java.util.concurrent.Executor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs the {@code @ApplicationModuleListener}s (asynchronous, after the publishing transaction
 * commits) on a small pool of their own, instead of a new virtual thread each: on two cores an
 * unbounded number of listeners running at once took the CPU and the database connections that
 * receiving and ingesting mail needed. Listeners may lag behind a burst; what waits is kept in order
 * in memory, and its publications in the database. {@code @Async} is used for nothing else.
 */
@Component
class ListenerExecution implements AsyncConfigurer, DisposableBean {

    private final ThreadPoolTaskExecutor executor;

    ListenerExecution(EventSettings settings) {
        executor = new ThreadPoolTaskExecutor();
        // Each listener invocation runs marked as listener work: its transaction and the registry's
        // marks around it (processing before, completed or failed after, each a transaction of its
        // own) commit without waiting for the disk (ADR 0013).
        executor.setTaskDecorator(task -> () -> ListenerThreads.run(task));
        executor.setThreadNamePrefix("listener-");
        executor.setCorePoolSize(settings.listenerThreads());
        executor.setMaxPoolSize(settings.listenerThreads());
        executor.setDaemon(true);
        // A listener not run before shutdown stays an incomplete publication and runs after the restart.
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationSeconds(5);
        executor.initialize();
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    /** Not a bean: an {@code Executor} bean would stand in for the application's own task executor. */
    @Override
    public void destroy() {
        executor.shutdown();
    }
}
