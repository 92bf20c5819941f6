package dev.casekeeper;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Casekeeper: one case per problem, one owner per case, carried through to a solved, followed-up end. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CasekeeperApplication {

    public static void main(String[] args) {
        SpringApplication.run(CasekeeperApplication.class, args);
    }

    /** All time comes from here, so tests can move it instead of waiting. */
    @Bean
    Clock clock() {
        // PostgreSQL keeps microseconds; so do we, so what is returned equals what is stored.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
