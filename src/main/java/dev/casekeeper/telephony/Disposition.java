package dev.casekeeper.telephony;

import dev.casekeeper.shared.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a call ended for the customer, as the agent records it in the wrap-up. */
public enum Disposition {
    RESOLVED,
    FOLLOW_UP,
    CALLBACK,
    ESCALATED,
    WRONG_NUMBER,
    OTHER;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Disposition from(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "disposition",
                    "must be one of "
                            + Arrays.stream(values()).map(Disposition::value).collect(Collectors.joining(", ")));
        }
    }
}
