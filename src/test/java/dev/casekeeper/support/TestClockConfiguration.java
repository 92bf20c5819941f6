package dev.casekeeper.support;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * An application of the tests that move time ({@code casekeeper.test.moves-time}, see {@link
 * MovesTime}) reads time from {@link TestClock}; every other application keeps its real clock.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
@ConditionalOnBooleanProperty("casekeeper.test.moves-time")
class TestClockConfiguration {

    @Bean
    @Primary
    Clock testClock() {
        return TestClock.INSTANCE;
    }
}
