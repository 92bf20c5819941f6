package dev.casekeeper.feedback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.casekeeper.shared.InvalidInputException;
import java.util.Locale;

/** How the customer rated the help they got. */
public enum Score {
    GOOD,
    OKAY,
    BAD;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The score of a word the customer sent; anything else is refused. */
    @JsonCreator
    public static Score from(String value) {
        for (var score : values()) {
            if (score.value().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return score;
            }
        }
        throw new InvalidInputException("score", "must be good, okay or bad");
    }
}
