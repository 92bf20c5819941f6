package dev.casekeeper.counter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.counter.CounterSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The kiosk's allowance per client address: past it, refused with the wait; other clients are not held up. */
class KioskLimitsTests {

    private final KioskLimits limits = new KioskLimits(new CounterSettings(Duration.ofMinutes(2), 2, 8, null));

    @Test
    void refusesAClientPastItsHourlyAllowanceWithTheWait() {
        assertThat(limits.ticketFrom("203.0.113.7")).isEmpty();
        assertThat(limits.ticketFrom("203.0.113.7")).isEmpty();

        var refused = limits.ticketFrom("203.0.113.7");

        assertThat(refused)
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofHours(1)));
        assertThat(limits.ticketFrom("198.51.100.20")).isEmpty();
    }
}
