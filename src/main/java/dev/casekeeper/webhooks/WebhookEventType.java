package dev.casekeeper.webhooks;

import dev.casekeeper.shared.InvalidInputException;
import java.util.Arrays;
import java.util.List;

/** The events a subscription can ask for, by the names receivers see in {@code type}. */
public enum WebhookEventType {
    CASE_OPENED("case.opened"),
    CASE_STATUS_CHANGED("case.status_changed"),
    CASE_PRIORITY_CHANGED("case.priority_changed"),
    CASE_OWNER_CHANGED("case.owner_changed"),
    CASE_MESSAGE_RECEIVED("case.message_received"),
    CASE_REPLY_SENT("case.reply_sent");

    /** Sent to one subscription on an admin's request, whatever it subscribed to. */
    static final String TEST = "webhook.test";

    /** Sent to the subscription an automation's action names, whatever it subscribed to. */
    static final String AUTOMATION = "automation.called";

    private final String value;

    WebhookEventType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static List<String> values(List<WebhookEventType> types) {
        return types.stream().map(WebhookEventType::value).toList();
    }

    /** The type with this name; a clear problem for the field otherwise. */
    public static WebhookEventType of(String value) {
        return Arrays.stream(values())
                .filter(t -> t.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "eventTypes",
                        "unknown event type '" + value + "'; known: " + String.join(", ", values(List.of(values())))));
    }
}
