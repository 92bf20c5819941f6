package dev.casekeeper.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How urgent a case is. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    /** One step more urgent; urgent stays urgent. */
    public Priority raised() {
        return this == URGENT ? URGENT : values()[ordinal() + 1];
    }

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Priority from(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
