package dev.casekeeper.routing;

import dev.casekeeper.shared.InvalidInputException;
import java.util.Locale;

/** The channels whose contacts are routed, each with its own capacity per agent. */
public enum RoutedChannel {
    CHAT,
    EMAIL;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RoutedChannel from(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("channel", "must be chat or email");
        }
    }
}
