package dev.casekeeper.sla;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings that would make SLA alerts meaningless stop the start with a message naming the setting. */
class SlaSettingsTests {

    @Test
    void aWarningShareMustLieBetweenZeroAndTheWholeTarget() {
        assertThatThrownBy(() -> new SlaSettings(1.0, Duration.ofMinutes(30), Duration.ofDays(7), Duration.ofHours(1)))
                .hasMessageContaining("casekeeper.sla.warning-share");
        assertThatThrownBy(() -> new SlaSettings(0, Duration.ofMinutes(30), Duration.ofDays(7), Duration.ofHours(1)))
                .hasMessageContaining("casekeeper.sla.warning-share");
    }

    @Test
    void theUnownedAlertNeedsAPositiveDelay() {
        assertThatThrownBy(() -> new SlaSettings(0.75, Duration.ZERO, Duration.ofDays(7), Duration.ofHours(1)))
                .hasMessageContaining("casekeeper.sla.unowned-alert-after");
    }
}
