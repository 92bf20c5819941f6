package dev.casekeeper.feedback;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where the customer gave a rating: the link in the solve email, the portal, or the end of a chat. */
public enum RatingSource {
    EMAIL,
    PORTAL,
    CHAT;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RatingSource from(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
