package dev.casekeeper.knowledge;

import java.util.Locale;

/** Who reads an article: agents only (protocols, runbooks, known issues), or anyone in the help center. */
public enum Visibility {
    INTERNAL,
    PUBLIC;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Visibility from(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
