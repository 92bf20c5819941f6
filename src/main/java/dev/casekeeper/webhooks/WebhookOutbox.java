package dev.casekeeper.webhooks;

import dev.casekeeper.bus.ClusterBus;
import dev.casekeeper.bus.Topic;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an event's deliveries, one per subscription that wants it, in the caller's transaction,
 * and wakes every node's sender once that transaction commits ({@link DeliveriesDue}). Which subscriptions want what is
 * kept in memory, so an event nobody subscribed to costs no statement at all; any change of a
 * subscription, on any node, drops that copy everywhere through the cluster bus.
 */
@Component
class WebhookOutbox {

    private static final Topic CHANGED = new Topic("webhooks-subscriptions");

    private final SubscriptionQueries subscriptions;
    private final DeliveryQueries deliveries;
    private final DeliveriesDue due;
    private final ClusterBus bus;
    private final JsonMapper json;
    private final Clock clock;
    private volatile @Nullable List<SubscriptionQueries.Matching> enabled;

    WebhookOutbox(
            SubscriptionQueries subscriptions,
            DeliveryQueries deliveries,
            DeliveriesDue due,
            ClusterBus bus,
            JsonMapper json,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.due = due;
        this.bus = bus;
        this.json = json;
        this.clock = clock;
        bus.subscribe(CHANGED, new ClusterBus.Subscriber() {
            @Override
            public void receive(String payload) {
                enabled = null;
            }

            @Override
            public void missedMessages() {
                enabled = null;
            }
        });
    }

    /** Whether any enabled subscription wants events of this type, whatever their team. */
    boolean wanted(String type) {
        return enabled().stream().anyMatch(s -> s.eventTypes().contains(type));
    }

    /** Writes the event for every enabled subscription that wants its type and team; answers its id. */
    @Nullable
    UUID enqueue(String type, @Nullable UUID teamId, Map<String, @Nullable Object> data) {
        var targets = enabled().stream()
                .filter(s -> s.eventTypes().contains(type))
                .filter(s -> s.teamId() == null || s.teamId().equals(teamId))
                .map(SubscriptionQueries.Matching::id)
                .toList();
        if (targets.isEmpty()) {
            return null;
        }
        var eventId = UUID.randomUUID();
        var body = body(eventId, type, data);
        var now = clock.instant();
        for (var subscription : targets) {
            deliveries.insert(UUID.randomUUID(), subscription, eventId, type, body, now);
        }
        due.dueAfterCommit();
        return eventId;
    }

    /** A test event to one subscription, whatever it subscribed to; answers the delivery's id. */
    UUID enqueueTest(UUID subscription, String name) {
        var data = new LinkedHashMap<String, @Nullable Object>();
        data.put("subscriptionId", subscription);
        data.put("name", name);
        return enqueueTo(subscription, WebhookEventType.TEST, data);
    }

    /** An event to one subscription, whatever it subscribed to; answers the delivery's id. */
    UUID enqueueTo(UUID subscription, String type, Map<String, @Nullable Object> data) {
        var eventId = UUID.randomUUID();
        var deliveryId = UUID.randomUUID();
        deliveries.insert(deliveryId, subscription, eventId, type, body(eventId, type, data), clock.instant());
        due.dueAfterCommit();
        return deliveryId;
    }

    /** A delivery was made due by hand: every node's sender looks now. */
    void wakeSenders() {
        due.dueAfterCommit();
    }

    /** A subscription was added, changed or removed: every node reads them again. */
    void subscriptionsChanged() {
        enabled = null;
        bus.publish(CHANGED, "");
    }

    private String body(UUID eventId, String type, Map<String, @Nullable Object> data) {
        var event = new LinkedHashMap<String, @Nullable Object>();
        event.put("id", eventId);
        event.put("type", type);
        event.put("occurredAt", clock.instant().toString());
        event.put("data", data);
        return json.writeValueAsString(event);
    }

    private List<SubscriptionQueries.Matching> enabled() {
        var known = enabled;
        if (known == null) {
            known = subscriptions.enabled();
            enabled = known;
        }
        return known;
    }
}
