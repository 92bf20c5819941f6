package dev.casekeeper.events;

import java.util.concurrent.Executor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the {@code @ApplicationModuleListener}s (asynchronous, after the publishing transaction
 * commits) on a small pool of their own, instead of a new virtual thread each: on two cores an
 * unbounded number of listeners running at once took the CPU and the database connections that
 * receiving and ingesting mail needed. Listeners may lag behind a burst; what waits is kept in order
 * in memory, and its publications in the database. {@code @Async} is used for nothing else.
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecution implements AsyncConfigurer, DisposableBean {

    private final ThreadPoolTaskExecutor executor;

    ListenerExecution(EventSettings settings) {
        executor = new ThreadPoolTaskExecutor();
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

    /**
     * The registry's serializer: JSON with the application's mapper, as Spring Modulith's own, but with
     * the mapper looked up once. Spring Modulith's looks the mapper bean up in the bean factory for
     * every event it stores, which took a tenth of the mail ingestion threads' time in the benchmark.
     */
    @Bean
    EventSerializer eventSerializer(JsonMapper mapper) {
        return new EventSerializer() {
            @Override
            public Object serialize(Object event) {
                return mapper.writeValueAsString(event);
            }

            @Override
            public <T> T deserialize(Object serialized, Class<T> type) {
                return mapper.readerFor(type).readValue(serialized.toString());
            }
        };
    }
}
