package dev.casekeeper.webhooks;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.Cursor;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.shared.SealedSecrets;
import dev.casekeeper.shared.Slice;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins' webhook subscriptions and their delivery log. A new subscription gets a signing secret,
 * shown once; bad input is refused field by field and changes nothing.
 */
@Service
@Transactional
public class WebhookManagement {

    static final int MAX_NAME = 100;

    private static final Logger log = LoggerFactory.getLogger(WebhookManagement.class);

    private final SubscriptionQueries subscriptions;
    private final DeliveryQueries deliveries;
    private final WebhookOutbox outbox;
    private final WebhookSecrets seal;
    private final AgentManagement agents;
    private final Clock clock;

    WebhookManagement(
            SubscriptionQueries subscriptions,
            DeliveryQueries deliveries,
            WebhookOutbox outbox,
            WebhookSecrets seal,
            AgentManagement agents,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.seal = seal;
        this.agents = agents;
        this.clock = clock;
    }

    /** What a subscription is made of, as an admin gives it. */
    public record SubscriptionForm(
            @Nullable String name,
            @Nullable String url,
            @Nullable List<String> eventTypes,
            @Nullable UUID teamId) {}

    /** A new subscription and its signing secret, which is never shown again. */
    public record Created(Subscription subscription, String secret) {}

    public Created create(SubscriptionForm form, SignedInAgent by) {
        var valid = validate(form, null);
        var id = UUID.randomUUID();
        var secret = SealedSecrets.newSecret();
        subscriptions.insert(
                id,
                valid.name(),
                valid.url(),
                seal.seal(secret, WebhookSecrets.context(id)),
                valid.types(),
                valid.teamId(),
                clock.instant(),
                by.id().value());
        outbox.subscriptionsChanged();
        log.info("Webhook subscription {} ({}) added by {} for {}", valid.name(), id, by.id(), valid.types());
        return new Created(find(id), secret);
    }

    @Transactional(readOnly = true)
    public List<Subscription> list() {
        return subscriptions.list();
    }

    @Transactional(readOnly = true)
    public Subscription find(UUID id) {
        return subscriptions.find(id).orElseThrow(() -> new NotFoundException("Webhook", id));
    }

    public Subscription update(UUID id, SubscriptionForm form) {
        find(id);
        var valid = validate(form, id);
        subscriptions.update(id, valid.name(), valid.url(), valid.types(), valid.teamId());
        outbox.subscriptionsChanged();
        return find(id);
    }

    /** Enabled again, its failures counted afresh and its pending deliveries sent; or disabled by hand. */
    public Subscription setEnabled(UUID id, boolean enabled) {
        var subscription = find(id);
        if (enabled && !subscription.enabled()) {
            subscriptions.enable(id);
            deliveries.allDueNow(id, clock.instant());
            outbox.wakeSenders();
        } else if (!enabled && subscription.enabled()) {
            subscriptions.disable(id, "Disabled by an admin", clock.instant());
        }
        outbox.subscriptionsChanged();
        return find(id);
    }

    public void delete(UUID id) {
        if (!subscriptions.delete(id)) {
            throw new NotFoundException("Webhook", id);
        }
        outbox.subscriptionsChanged();
    }

    /** Sends a {@code webhook.test} event to the subscription; answers the delivery's id. */
    public UUID sendTest(UUID id) {
        var subscription = find(id);
        if (!subscription.enabled()) {
            throw new ConflictException("webhook-disabled", "Enable the webhook before sending it a test event");
        }
        return outbox.enqueueTest(id, subscription.name());
    }

    /**
     * Sends an {@code automation.called} event with the given data to the subscription, in the
     * caller's transaction (so it goes out only if the automation's change is saved), whatever it
     * subscribed to; answers the delivery's id, or empty when there is no such webhook or it is
     * disabled (the automation's step is then left out).
     */
    public java.util.Optional<UUID> sendForAutomation(UUID id, java.util.Map<String, @Nullable Object> data) {
        return subscriptions
                .find(id)
                .filter(Subscription::enabled)
                .map(s -> outbox.enqueueTo(id, WebhookEventType.AUTOMATION, data));
    }

    @Transactional(readOnly = true)
    public Slice<Delivery> deliveries(UUID id, @Nullable String cursor, int limit) {
        find(id);
        var after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        var rows = deliveries.page(
                id, after == null ? null : after.createdAt(), after == null ? null : after.id(), limit + 1);
        var page = rows.stream().limit(limit).toList();
        String next = rows.size() > limit
                ? new Cursor(page.getLast().createdAt(), page.getLast().id()).encode()
                : null;
        return new Slice<>(page, next);
    }

    @Transactional(readOnly = true)
    public Delivery delivery(UUID id, UUID deliveryId) {
        return deliveries.find(id, deliveryId).orElseThrow(() -> new NotFoundException("Delivery", deliveryId));
    }

    /** Sends the delivery again now, the same body and ids, whatever became of it. */
    public Delivery redeliver(UUID id, UUID deliveryId) {
        if (!find(id).enabled()) {
            throw new ConflictException("webhook-disabled", "Enable the webhook before sending a delivery again");
        }
        if (!deliveries.redeliver(id, deliveryId, clock.instant())) {
            throw new NotFoundException("Delivery", deliveryId);
        }
        outbox.wakeSenders();
        return delivery(id, deliveryId);
    }

    private record Valid(
            String name,
            String url,
            List<String> types,
            @Nullable UUID teamId) {}

    private Valid validate(SubscriptionForm form, @Nullable UUID self) {
        var name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new InvalidInputException("name", "give the webhook a name of 1 to " + MAX_NAME + " characters");
        }
        if (subscriptions.nameTaken(name, self)) {
            throw new InvalidInputException("name", "another webhook is called that already");
        }
        var url = form.url() == null ? "" : form.url().strip();
        validateUrl(url);
        if (form.eventTypes() == null || form.eventTypes().isEmpty()) {
            throw new InvalidInputException("eventTypes", "choose at least one event type");
        }
        var types = new LinkedHashSet<String>();
        for (var type : form.eventTypes()) {
            types.add(WebhookEventType.of(type == null ? "" : type.strip()).value());
        }
        if (form.teamId() != null) {
            try {
                agents.findTeam(new TeamId(form.teamId()));
            } catch (NotFoundException e) {
                throw new InvalidInputException("teamId", "no such team");
            }
        }
        return new Valid(name, url, List.copyOf(types), form.teamId());
    }

    private static void validateUrl(String url) {
        SignedPost.checkUrl(url, "url");
    }
}
