package dev.casekeeper.customers;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages customers are served in (the portal, the web form, the chat widget, their mail), and
 * how a declared language is read. The portal stores a language tag ({@code de}); a value an agent or
 * an integration wrote ("German", "Deutsch", "de-AT") is understood too. A language without texts
 * (Portuguese, say) is as good as none: the caller falls back to the browser's.
 */
public final class CustomerLanguages {

    /** The languages with customer-facing texts; English first, the fallback. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.forLanguageTag("es"));

    private CustomerLanguages() {}

    /** A supported language from a tag or a language's name in any supported language. */
    public static Optional<Locale> parse(String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        var tagged = Locale.forLanguageTag(text.replace('_', '-'));
        for (var supported : SUPPORTED) {
            if (supported.getLanguage().equals(tagged.getLanguage())) {
                return Optional.of(supported);
            }
        }
        for (var supported : SUPPORTED) {
            for (var in : SUPPORTED) {
                if (supported.getDisplayLanguage(in).equalsIgnoreCase(text)) {
                    return Optional.of(supported);
                }
            }
        }
        return Optional.empty();
    }

    /** The supported language of a browser's locale ({@code de-AT} is German), else English. */
    public static Locale supportedOr(Locale browser) {
        return SUPPORTED.stream()
                .filter(supported -> supported.getLanguage().equals(browser.getLanguage()))
                .findFirst()
                .orElse(Locale.ENGLISH);
    }
}
