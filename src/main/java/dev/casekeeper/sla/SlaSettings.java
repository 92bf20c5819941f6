package dev.casekeeper.sla;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SLA and follow-up settings ({@code casekeeper.sla.*}).
 *
 * @param warningShare the share of a target after which the owner is warned (0.75: at three quarters)
 * @param unownedAlertAfter business time a case may wait without an owner before supervisors are alerted
 * @param repeatContactWindow how soon after solving a new message from the same customer counts as a repeat contact
 * @param promiseReminderLead how long before a promise is due its owner is reminded
 */
@ConfigurationProperties("casekeeper.sla")
public record SlaSettings(
        @DefaultValue("0.75") double warningShare,
        @DefaultValue("30m") Duration unownedAlertAfter,
        @DefaultValue("7d") Duration repeatContactWindow,
        @DefaultValue("1h") Duration promiseReminderLead) {

    public SlaSettings {
        if (!(warningShare > 0 && warningShare < 1)) {
            throw new IllegalArgumentException(
                    "casekeeper.sla.warning-share must be between 0 and 1 (exclusive), was " + warningShare);
        }
        if (unownedAlertAfter.isNegative() || unownedAlertAfter.isZero()) {
            throw new IllegalArgumentException("casekeeper.sla.unowned-alert-after must be positive");
        }
        if (repeatContactWindow.isNegative() || promiseReminderLead.isNegative()) {
            throw new IllegalArgumentException("casekeeper.sla durations must not be negative");
        }
    }
}
