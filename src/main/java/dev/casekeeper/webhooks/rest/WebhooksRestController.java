package dev.casekeeper.webhooks.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.Slice;
import dev.casekeeper.webhooks.Delivery;
import dev.casekeeper.webhooks.Subscription;
import dev.casekeeper.webhooks.WebhookEventType;
import dev.casekeeper.webhooks.WebhookManagement;
import dev.casekeeper.webhooks.WebhookManagement.SubscriptionForm;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Outgoing webhooks and their delivery log: admins only (docs/webhooks.md). */
@RestController
class WebhooksRestController {

    private static final int MAX_LIMIT = 100;

    record WebhookRequest(
            @Nullable String name,
            @Nullable String url,
            @Nullable List<String> eventTypes,
            @Nullable UUID teamId,
            @Nullable Boolean enabled) {}

    /** The one answer that carries the secret. */
    record CreatedResponse(Subscription webhook, String secret) {}

    record DeliveryPage(List<Delivery> items, @Nullable String nextCursor) {
        static DeliveryPage of(Slice<Delivery> slice) {
            return new DeliveryPage(slice.items(), slice.nextCursor());
        }
    }

    private final WebhookManagement webhooks;

    WebhooksRestController(WebhookManagement webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/api/v1/webhooks/event-types")
    List<String> eventTypes() {
        return WebhookEventType.values(Arrays.asList(WebhookEventType.values()));
    }

    @GetMapping("/api/v1/webhooks")
    List<Subscription> list() {
        return webhooks.list();
    }

    @PostMapping("/api/v1/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedResponse create(@AuthenticationPrincipal SignedInAgent me, @RequestBody WebhookRequest request) {
        var created = webhooks.create(
                new SubscriptionForm(request.name(), request.url(), request.eventTypes(), request.teamId()), me);
        return new CreatedResponse(created.subscription(), created.secret());
    }

    @GetMapping("/api/v1/webhooks/{id}")
    Subscription find(@PathVariable UUID id) {
        return webhooks.find(id);
    }

    /** Changes what is given; {@code enabled: true} also counts its failures afresh. */
    @PatchMapping("/api/v1/webhooks/{id}")
    Subscription update(@PathVariable UUID id, @RequestBody WebhookRequest request) {
        var current = webhooks.find(id);
        if (request.name() != null
                || request.url() != null
                || request.eventTypes() != null
                || request.teamId() != null) {
            current = webhooks.update(
                    id,
                    new SubscriptionForm(
                            request.name() != null ? request.name() : current.name(),
                            request.url() != null ? request.url() : current.url(),
                            request.eventTypes() != null ? request.eventTypes() : current.eventTypes(),
                            request.teamId() != null ? request.teamId() : current.teamId()));
        }
        if (request.enabled() != null) {
            current = webhooks.setEnabled(id, request.enabled());
        }
        return current;
    }

    @DeleteMapping("/api/v1/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        webhooks.delete(id);
    }

    @PostMapping("/api/v1/webhooks/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> test(@PathVariable UUID id) {
        return Map.of("deliveryId", webhooks.sendTest(id));
    }

    @GetMapping("/api/v1/webhooks/{id}/deliveries")
    DeliveryPage deliveries(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return DeliveryPage.of(webhooks.deliveries(id, cursor, limit));
    }

    @GetMapping("/api/v1/webhooks/{id}/deliveries/{deliveryId}")
    Delivery delivery(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        return webhooks.delivery(id, deliveryId);
    }

    @PostMapping("/api/v1/webhooks/{id}/deliveries/{deliveryId}/redelivery")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Delivery redeliver(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        return webhooks.redeliver(id, deliveryId);
    }
}
