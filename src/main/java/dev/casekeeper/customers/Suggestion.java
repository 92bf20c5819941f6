package dev.casekeeper.customers;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A change an agent suggested to what the customer declares about herself; only she accepts it.
 *
 * @param field a {@link SelfField#key()} or {@link Customer#DISPLAY_NAME}
 * @param suggestedBy the agent who suggested it
 */
public record Suggestion(
        UUID id,
        CustomerId customerId,
        String field,
        String value,
        UUID suggestedBy,
        Instant suggestedAt,
        State state,
        @Nullable Instant answeredAt) {

    public enum State {
        PENDING,
        ACCEPTED,
        DECLINED,
        /** A newer suggestion for the same field replaced it before she answered. */
        SUPERSEDED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State from(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public boolean pending() {
        return state == State.PENDING;
    }
}
