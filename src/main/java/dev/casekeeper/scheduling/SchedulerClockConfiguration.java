package dev.casekeeper.scheduling;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * db-scheduler decides what is due by its own clock; it reads the application's, so a timer is due
 * exactly when the code that scheduled it thinks it is, and tests that move time move timers too.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerClockConfiguration {

    @Bean("dbSchedulerClock")
    com.github.kagkarlsson.scheduler.Clock dbSchedulerClock(Clock clock) {
        return clock::instant;
    }
}
