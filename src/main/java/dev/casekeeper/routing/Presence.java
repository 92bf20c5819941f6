package dev.casekeeper.routing;

import dev.casekeeper.shared.InvalidInputException;
import java.util.Locale;

/** Whether an agent takes offers. Only an available agent is offered contacts. */
public enum Presence {
    AVAILABLE,
    BUSY,
    AWAY,
    ON_BREAK;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Presence from(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("presence", "must be one of available, busy, away, on_break");
        }
    }
}
