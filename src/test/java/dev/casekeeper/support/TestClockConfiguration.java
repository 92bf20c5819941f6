package dev.casekeeper.support;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/** With the {@code test} profile, the application reads time from {@link TestClock}. */
@Configuration(proxyBeanMethods = false)
@Profile("test")
class TestClockConfiguration {

    @Bean
    @Primary
    Clock testClock() {
        return TestClock.INSTANCE;
    }
}
