package dev.casekeeper.counter;

import java.util.Locale;

/** Where a ticket is: waiting, called to a desk, being served, over, or called but nobody came. */
public enum TicketState {
    WAITING,
    CALLED,
    SERVING,
    ENDED,
    NO_SHOW;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TicketState from(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean live() {
        return this == WAITING || this == CALLED || this == SERVING;
    }
}
