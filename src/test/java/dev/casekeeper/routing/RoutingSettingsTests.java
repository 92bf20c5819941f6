package dev.casekeeper.routing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings that would make routing misbehave refuse to start the application. */
class RoutingSettingsTests {

    @Test
    void refusesANegativeCapacity() {
        assertThatThrownBy(() -> settings(Duration.ofSeconds(30), -1, Duration.ofMinutes(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacities");
    }

    @Test
    void refusesAZeroOfferTimeout() {
        assertThatThrownBy(() -> settings(Duration.ZERO, 3, Duration.ofMinutes(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void refusesACapBelowTheFloor() {
        assertThatThrownBy(() -> settings(Duration.ofSeconds(30), 3, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cap");
    }

    private static RoutingSettings settings(Duration offerTimeout, int chatCapacity, Duration cap) {
        return new RoutingSettings(
                offerTimeout,
                chatCapacity,
                0,
                false,
                Duration.ofSeconds(5),
                Duration.ofMinutes(5),
                50,
                Duration.ofSeconds(30),
                cap,
                Duration.ofSeconds(60),
                1);
    }
}
