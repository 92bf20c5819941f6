package dev.casekeeper.automations;

import dev.casekeeper.agents.Role;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Automation settings ({@code casekeeper.automations.*}).
 *
 * @param maxRunsPerCase trigger runs that may follow one change of a case (including the changes the
 *     triggers themselves make); the next trigger is skipped and the case's timeline says so. Stops
 *     loops between triggers and overlong chains
 * @param interval how often time-based automations look for due cases
 * @param dryRunCases how many cases, most recently changed first, a trigger's dry-run looks through
 * @param actionRole the role whose approval limits an automation's resolution actions run within
 *     ({@code agent}, {@code supervisor}, {@code admin}); above them an action waits for an approval
 */
@ConfigurationProperties("casekeeper.automations")
public record AutomationSettings(
        @DefaultValue("10") int maxRunsPerCase,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("500") int dryRunCases,
        @DefaultValue("agent") String actionRole) {

    public AutomationSettings {
        if (maxRunsPerCase < 1 || !interval.isPositive() || dryRunCases < 1) {
            throw new IllegalArgumentException("casekeeper.automations: max-runs-per-case and dry-run-cases must be"
                    + " at least 1, interval positive");
        }
        role(actionRole);
    }

    /** The role an automation's resolution actions run as. */
    public Role role() {
        return role(actionRole);
    }

    private static Role role(String value) {
        try {
            return Role.from(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "casekeeper.automations.action-role must be agent, supervisor or admin", e);
        }
    }
}
