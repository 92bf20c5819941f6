package dev.casekeeper.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a case list is ordered by. */
public enum CaseSort {
    UPDATED,
    CREATED,
    NUMBER,
    SUBJECT,
    STATUS,
    PRIORITY,
    /** How long the customer has waited for an answer; cases nobody waits on count as not waiting. */
    WAITING,
    /**
     * How well a case matches the search, the latest change first among equals: a search's order
     * unless another is chosen. Ranked when the matches are counted (up to {@link CasePage#COUNT_CAP});
     * beyond, and without a search, the latest change first.
     */
    RELEVANCE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CaseSort> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }
}
