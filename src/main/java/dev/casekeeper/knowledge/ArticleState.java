package dev.casekeeper.knowledge;

import java.util.Locale;

/** Where an article is on its way to readers: written, waiting for a second pair of eyes, or out. */
public enum ArticleState {
    DRAFT,
    REVIEW,
    PUBLISHED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArticleState from(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
