package dev.casekeeper.cases;

import java.util.Locale;

/** How urgent a case is. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority from(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
