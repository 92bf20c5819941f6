package dev.casekeeper.assist;

import dev.casekeeper.assist.detect.FrustrationScorer;
import dev.casekeeper.assist.detect.Lexicon;
import dev.casekeeper.assist.detect.Thresholds;
import dev.casekeeper.assist.detect.ToneChecker;
import dev.casekeeper.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The scorer and tone checker of every loaded language, built once at start-up from the word
 * lists. A bad setting (thresholds out of order, a language without lists) stops the start.
 */
@Component
class Detectors {

    private final Map<String, FrustrationScorer> scorers = new LinkedHashMap<>();
    private final Map<String, ToneChecker> checkers = new LinkedHashMap<>();
    private final String defaultLanguage;
    private final Thresholds thresholds;

    Detectors(AssistSettings settings) {
        this.thresholds = new Thresholds(settings.frustrated(), settings.heated());
        this.defaultLanguage = settings.language();
        for (String language : settings.loadedLanguages()) {
            var lexicon = Lexicon.load(language.strip().toLowerCase(Locale.ROOT));
            scorers.put(lexicon.language(), new FrustrationScorer(lexicon, thresholds));
            checkers.put(lexicon.language(), new ToneChecker(lexicon));
        }
        if (!scorers.containsKey(defaultLanguage)) {
            throw new IllegalStateException("casekeeper.assist.default-language " + defaultLanguage
                    + " is not among casekeeper.assist.languages " + scorers.keySet());
        }
    }

    Thresholds thresholds() {
        return thresholds;
    }

    /** The language to use: the one asked for if loaded, else the default. */
    String language(@Nullable String wanted) {
        if (wanted == null || wanted.isBlank()) {
            return defaultLanguage;
        }
        String primary = wanted.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return scorers.containsKey(primary) ? primary : defaultLanguage;
    }

    /** The language a caller named explicitly; refused when its word lists are not loaded. */
    String requireLanguage(@Nullable String asked) {
        if (asked == null || asked.isBlank()) {
            return defaultLanguage;
        }
        String primary = asked.strip().toLowerCase(Locale.ROOT);
        if (!scorers.containsKey(primary)) {
            throw new InvalidInputException(
                    "language", "no word lists for '" + asked + "'; loaded: " + scorers.keySet());
        }
        return primary;
    }

    FrustrationScorer scorer(String language) {
        return scorers.get(language(language));
    }

    ToneChecker checker(String language) {
        return checkers.get(language(language));
    }
}
