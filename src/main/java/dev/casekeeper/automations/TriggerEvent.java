package dev.casekeeper.automations;

import java.util.Arrays;
import java.util.Optional;

/** The change of a case a trigger reacts to, by the name the API and the admin page use. */
public enum TriggerEvent {
    CASE_OPENED,
    CUSTOMER_REPLIED,
    AGENT_REPLIED,
    STATUS_CHANGED,
    PRIORITY_CHANGED,
    TAGS_CHANGED,
    CUSTOM_FIELD_CHANGED,
    SLA_WARNED,
    SLA_BREACHED,
    HEATED,
    FEEDBACK_RECEIVED;

    public String value() {
        return name().toLowerCase();
    }

    public static Optional<TriggerEvent> of(String value) {
        return Arrays.stream(values()).filter(e -> e.value().equals(value)).findFirst();
    }
}
