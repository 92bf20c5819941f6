package dev.casekeeper.counter;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Walk-in counter settings ({@code casekeeper.counter.*}).
 *
 * @param noShowGrace how long after a call an agent must wait before marking the ticket a no-show
 * @param ticketsPerClient tickets one client address may take per hour at the kiosks (a kiosk is one
 *     client: set this above a busy location's hourly walk-ins)
 * @param boardNext how many waiting numbers the display board shows
 * @param mailFrom the address of the mailbox that tells walk-ins their ticket was called; unset:
 *     the oldest active mailbox with an outbound SMTP server
 */
@ConfigurationProperties("casekeeper.counter")
public record CounterSettings(
        @DefaultValue("2m") Duration noShowGrace,
        @DefaultValue("120") int ticketsPerClient,
        @DefaultValue("8") int boardNext,
        @Nullable String mailFrom) {

    public CounterSettings {
        if (noShowGrace.isNegative() || ticketsPerClient < 1 || boardNext < 1 || boardNext > 50) {
            throw new IllegalArgumentException(
                    "casekeeper.counter: no-show-grace must not be negative, tickets-per-client at least 1,"
                            + " board-next between 1 and 50");
        }
    }
}
