package dev.casekeeper.knowledge;

import java.text.Normalizer;
import java.util.Locale;

/** A title as a readable piece of a URL: "Lost your activation key?" becomes "lost-your-activation-key". */
final class Slugs {

    private static final int MAX = 80;

    private Slugs() {}

    static String of(String title) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace("ß", "ss")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (plain.length() > MAX) {
            plain = plain.substring(0, MAX).replaceAll("-+$", "");
        }
        return plain.isEmpty() ? "article" : plain;
    }
}
