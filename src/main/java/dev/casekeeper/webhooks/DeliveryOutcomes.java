package dev.casekeeper.webhooks;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Role;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a failed attempt leaves behind, in one transaction: the attempt in the log, the delivery due
 * again or given up, and the subscription's run of failures (a success, recorded by
 * {@link DeliveredAttempts}, ends it); failing for
 * {@code casekeeper.webhooks.disable-after} (with at least {@value #MIN_FAILURES} failed attempts)
 * disables the subscription and tells the admins, once.
 */
@Component
class DeliveryOutcomes {

    static final String DISABLED_NOTIFICATION = "webhook_disabled";
    private static final int MIN_FAILURES = 3;
    private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomes.class);

    private final DeliveryQueries deliveries;
    private final SubscriptionQueries subscriptions;
    private final NotificationManagement notifications;
    private final AgentManagement agents;
    private final WebhookOutbox outbox;
    private final WebhookSettings settings;
    private final Clock clock;

    DeliveryOutcomes(
            DeliveryQueries deliveries,
            SubscriptionQueries subscriptions,
            NotificationManagement notifications,
            AgentManagement agents,
            WebhookOutbox outbox,
            WebhookSettings settings,
            Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.notifications = notifications;
        this.agents = agents;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    void failed(
            DeliveryQueries.Taken delivery,
            Instant at,
            @Nullable Integer status,
            int durationMs,
            @Nullable String detail,
            @Nullable Instant retryAt) {
        deliveries.attempted(delivery, at, status, durationMs, detail, false, retryAt);
        if (retryAt == null) {
            log.warn(
                    "Webhook delivery {} ({}) given up after {} attempt(s), the last: {}",
                    delivery.id(),
                    delivery.eventType(),
                    delivery.attempt(),
                    status != null ? "HTTP " + status : detail);
        }
        var failing = subscriptions.failed(delivery.subscriptionId(), at).orElse(null);
        var now = clock.instant();
        if (failing == null
                || !failing.enabled()
                || failing.failures() < MIN_FAILURES
                || now.isBefore(failing.since().plus(settings.disableAfter()))) {
            return;
        }
        var reason = "No delivery succeeded for %s (%d failed attempts; the last: %s)"
                .formatted(
                        human(Duration.between(failing.since(), now)),
                        failing.failures(),
                        status != null ? "HTTP " + status : detail);
        if (!subscriptions.disable(delivery.subscriptionId(), reason, now)) {
            return;
        }
        outbox.subscriptionsChanged();
        var name = subscriptions
                .find(delivery.subscriptionId())
                .map(Subscription::name)
                .orElse("?");
        log.warn("Webhook subscription {} ({}) disabled: {}", name, delivery.subscriptionId(), reason);
        notifications.notify(Notify.of(
                agents.list().stream()
                        .filter(a -> a.active() && a.role() == Role.ADMIN)
                        .map(Agent::id)
                        .toList(),
                DISABLED_NOTIFICATION,
                null,
                "Webhook \"%s\" was disabled: %s. Fix the receiver, then enable it again under Administration → Webhooks; its pending deliveries are sent then."
                        .formatted(name, reason),
                "webhooks:" + delivery.subscriptionId() + ":disabled:" + now.getEpochSecond()));
    }

    private static String human(Duration duration) {
        return duration.toHours() >= 1 ? duration.toHours() + " h" : duration.toMinutes() + " min";
    }
}
