package dev.casekeeper.assist;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of assist ({@code casekeeper.assist.*}).
 *
 * @param frustratedThreshold score from which a customer message reads as frustrated (default 25)
 * @param heatedThreshold score from which a message makes the case heated (default 50)
 * @param raisePriority whether a case that turns heated goes up one priority step (default true)
 * @param maxTextLength the longest text the assist API scores or checks, in characters (default 20000)
 * @param languages languages whose word lists are loaded (default {@code en})
 * @param defaultLanguage the language used unless the customer declared another loaded one (default {@code en})
 */
@ConfigurationProperties("casekeeper.assist")
record AssistSettings(
        @Nullable Integer frustratedThreshold,
        @Nullable Integer heatedThreshold,
        @Nullable Boolean raisePriority,
        @Nullable Integer maxTextLength,
        @Nullable List<String> languages,
        @Nullable String defaultLanguage) {

    int frustrated() {
        return frustratedThreshold == null ? 25 : frustratedThreshold;
    }

    int heated() {
        return heatedThreshold == null ? 50 : heatedThreshold;
    }

    boolean raisesPriority() {
        return raisePriority == null || raisePriority;
    }

    int maxLength() {
        return maxTextLength == null ? 20_000 : maxTextLength;
    }

    List<String> loadedLanguages() {
        return languages == null || languages.isEmpty() ? List.of(language()) : languages;
    }

    String language() {
        return defaultLanguage == null || defaultLanguage.isBlank() ? "en" : defaultLanguage;
    }
}
