package dev.casekeeper.channels.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail from blocked senders ({@code casekeeper.mail.suspended.*}).
 *
 * @param retention how long a suspended message is kept for an admin to release it
 * @param purgeInterval how often messages past their retention are deleted
 */
@ConfigurationProperties("casekeeper.mail.suspended")
public record SuspendedMailSettings(
        @DefaultValue("30d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval) {

    public SuspendedMailSettings {
        if (!retention.isPositive() || !purgeInterval.isPositive()) {
            throw new IllegalArgumentException("casekeeper.mail.suspended durations must be positive");
        }
    }
}
