package dev.casekeeper.callbacks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Callback settings ({@code casekeeper.callbacks.*}).
 *
 * @param defaultWindow the window promised when the request names no time (it starts at once)
 * @param warnBefore how long before a window closes its owner (or, while nobody took it, the team) is warned
 * @param longestWindow the longest window a customer or agent may give
 * @param furthestAhead how far ahead a window may end
 */
@ConfigurationProperties("casekeeper.callbacks")
public record CallbacksSettings(
        @DefaultValue("4h") Duration defaultWindow,
        @DefaultValue("30m") Duration warnBefore,
        @DefaultValue("3d") Duration longestWindow,
        @DefaultValue("30d") Duration furthestAhead) {

    public CallbacksSettings {
        if (!defaultWindow.isPositive() || warnBefore.isNegative() || !longestWindow.isPositive()) {
            throw new IllegalArgumentException("casekeeper.callbacks durations must be positive");
        }
        if (furthestAhead.compareTo(defaultWindow) < 0 || longestWindow.compareTo(defaultWindow) < 0) {
            throw new IllegalArgumentException(
                    "casekeeper.callbacks.longest-window and furthest-ahead must not be below the default window");
        }
    }
}
