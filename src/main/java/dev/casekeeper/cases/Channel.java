package dev.casekeeper.cases;

import java.util.Locale;

/** Where a contact came in. */
public enum Channel {
    EMAIL,
    CHAT,
    PHONE,
    WEB,
    COUNTER,
    API;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel from(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
