package dev.casekeeper.routing;

import dev.casekeeper.shared.InvalidInputException;
import java.util.Locale;

/** The channels whose contacts are routed, each with its own capacity per agent. */
public enum RoutedChannel {
    CHAT,
    EMAIL,
    /** A telephone call reported by a phone system (the telephony module); an agent takes one call at a time. */
    PHONE;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RoutedChannel from(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("channel", "must be chat, email or phone");
        }
    }
}
