package dev.casekeeper.cases;

import java.util.Locale;

/** How far a reply got on its way to the customer. */
public enum DeliveryState {
    /** Waiting in the channel's outbox, possibly after failed attempts that will be retried. */
    QUEUED,
    /** Handed to the next server, which accepted it. */
    SENT,
    /** Given up: refused for good or out of retries; the detail says why. */
    FAILED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryState from(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
