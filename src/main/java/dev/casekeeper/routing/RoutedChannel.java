package dev.casekeeper.routing;

import dev.casekeeper.shared.InvalidInputException;
import java.util.Locale;

/**
 * The channels whose contacts are routed, each with its own capacity per agent. Chat and email
 * contacts are pushed to agents as offers; counter tickets are pulled: an agent at a desk calls the
 * next one ({@link QueueManagement#takeNext}).
 */
public enum RoutedChannel {
    CHAT,
    EMAIL,
    /** A telephone call reported by a phone system (the telephony module); an agent takes one call at a time. */
    PHONE,
    COUNTER;

    /** Whether the dispatcher offers this channel's contacts to agents, or agents take them. */
    public boolean pushed() {
        return this != COUNTER;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RoutedChannel from(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("channel", "must be chat, email, phone or counter");
        }
    }
}
