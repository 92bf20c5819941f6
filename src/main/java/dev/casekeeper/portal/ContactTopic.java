package dev.casekeeper.portal;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A topic of the web form: where it is listed, the team its cases go to (none: the form's default
 * team), and its label in English, German and Spanish; a language without a label reads the English.
 */
record ContactTopic(
        UUID id,
        int position,
        @Nullable UUID teamId,
        String labelEn,
        @Nullable String labelDe,
        @Nullable String labelEs) {

    /** The label in this language, else in English. */
    public String label(Locale locale) {
        String label = switch (locale.getLanguage()) {
            case "de" -> labelDe;
            case "es" -> labelEs;
            default -> null;
        };
        return label == null || label.isBlank() ? labelEn : label;
    }

    /** What an admin sends to add or change a topic. */
    record Save(
            int position,
            @Nullable UUID teamId,
            String labelEn,
            @Nullable String labelDe,
            @Nullable String labelEs) {}
}
