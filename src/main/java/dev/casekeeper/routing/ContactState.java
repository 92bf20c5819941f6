package dev.casekeeper.routing;

import java.util.Locale;

/** Where a contact is: waiting → offered → accepted → ended, or abandoned while waiting or offered. */
public enum ContactState {
    WAITING,
    OFFERED,
    ACCEPTED,
    ENDED,
    ABANDONED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ContactState from(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
