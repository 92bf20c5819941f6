package dev.casekeeper.telephony;

import dev.casekeeper.shared.InvalidInputException;
import java.util.Locale;

/** What a phone system reports about a call. */
enum CallEventType {
    RINGING,
    ANSWERED,
    HELD,
    RESUMED,
    TRANSFERRED,
    ENDED;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CallEventType from(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "type", "must be one of ringing, answered, held, resumed, transferred, ended");
        }
    }
}
