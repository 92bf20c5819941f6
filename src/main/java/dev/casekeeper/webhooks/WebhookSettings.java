package dev.casekeeper.webhooks;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outgoing webhook settings ({@code casekeeper.webhooks.*}).
 *
 * @param secretKey base64 of 32 random bytes; seals the subscriptions' signing secrets (AES-256-GCM).
 *     Without it no subscription can be added
 * @param pollInterval how often each node looks for due deliveries when nothing woke it sooner (a
 *     commit that wrote deliveries wakes every node at once); it brings retries due
 * @param batchSize deliveries a node takes at a time at most; while more are due, it takes again
 *     as soon as a quarter of {@code concurrency} (at most a batch) was answered
 * @param concurrency requests a node has in flight at most
 * @param timeout how long a receiver has to answer one attempt
 * @param firstRetry the wait before the second attempt; each later wait doubles
 * @param maxRetryInterval the longest wait between two attempts
 * @param retryFor how long a delivery is retried from its event before it is given up
 * @param disableAfter how long a subscription may fail without a single success before it is
 *     disabled and the admins are told
 * @param keepLog how long finished deliveries stay in the delivery log
 */
@ConfigurationProperties("casekeeper.webhooks")
public record WebhookSettings(
        @Nullable String secretKey,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("64") int concurrency,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("10s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetryInterval,
        @DefaultValue("24h") Duration retryFor,
        @DefaultValue("12h") Duration disableAfter,
        @DefaultValue("30d") Duration keepLog) {

    public WebhookSettings {
        if (!pollInterval.isPositive()
                || !timeout.isPositive()
                || !firstRetry.isPositive()
                || maxRetryInterval.compareTo(firstRetry) < 0
                || !retryFor.isPositive()
                || !disableAfter.isPositive()
                || !keepLog.isPositive()
                || batchSize < 1
                || concurrency < 1) {
            throw new IllegalArgumentException(
                    "casekeeper.webhooks: durations must be positive, max-retry-interval at least first-retry,"
                            + " batch-size and concurrency at least 1");
        }
    }
}
