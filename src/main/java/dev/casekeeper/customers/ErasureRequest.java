package dev.casekeeper.customers;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A customer's request to erase her personal data, and its review.
 *
 * @param outcome what erasure did, counted by kind ({@code "messages": 4}); empty until approved
 */
public record ErasureRequest(
        UUID id,
        CustomerId customerId,
        Instant requestedAt,
        State state,
        @Nullable UUID reviewedBy,
        @Nullable Instant reviewedAt,
        @Nullable String reviewNote,
        Map<String, Integer> outcome) {

    public enum State {
        PENDING,
        APPROVED,
        DECLINED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State from(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
