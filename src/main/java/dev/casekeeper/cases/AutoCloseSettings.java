package dev.casekeeper.cases;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Closing solved cases by themselves ({@code casekeeper.cases.auto-close.*}).
 *
 * @param days how many days a solved case waits for the customer before it closes, for a team
 *     without a setting of its own; 0 never closes one
 * @param interval how often the job looks for cases to close
 */
@ConfigurationProperties("casekeeper.cases.auto-close")
public record AutoCloseSettings(
        @DefaultValue("4") int days, @DefaultValue("15m") Duration interval) {

    public AutoCloseSettings {
        if (days < 0 || days > 365 || !interval.isPositive()) {
            throw new IllegalArgumentException(
                    "casekeeper.cases.auto-close.days must be 0 to 365 and the interval positive");
        }
    }
}
