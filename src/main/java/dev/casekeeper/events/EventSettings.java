package dev.casekeeper.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Event listener settings ({@code casekeeper.events.*}).
 *
 * @param listenerThreads how many listener invocations run at once on this node; the others wait in
 *     memory, in order (their publications are in the database, so a restart loses none of them)
 */
@ConfigurationProperties("casekeeper.events")
public record EventSettings(@DefaultValue("4") int listenerThreads) {

    public EventSettings {
        if (listenerThreads < 1 || listenerThreads > 64) {
            throw new IllegalArgumentException("casekeeper.events.listener-threads must be between 1 and 64");
        }
    }
}
