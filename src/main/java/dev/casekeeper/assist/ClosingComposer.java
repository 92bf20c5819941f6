package dev.casekeeper.assist;

import dev.casekeeper.assist.detect.Lexicon;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the closing message: the next steps (what happens, by when, how the customer can check),
 * then a warm farewell and the agent's name. Without a farewell of the agent's own, one of the
 * language's farewells is chosen by the case number, so a customer does not always read the same one.
 */
final class ClosingComposer {

    private ClosingComposer() {}

    record Composed(String farewell, String message) {}

    static Composed compose(
            Lexicon lexicon,
            NextSteps steps,
            @Nullable String farewell,
            long caseNumber,
            String customerName,
            String agentName) {
        var values = Map.of(
                "name", customerName,
                "agent", agentName,
                "whatHappens", sentence(steps.whatHappens()),
                "byWhen", sentence(steps.byWhen()),
                "howToCheck", sentence(steps.howToCheck()));
        String chosen = farewell != null && !farewell.isBlank()
                ? farewell.strip()
                : defaultFarewell(lexicon, caseNumber, values);
        String message = Texts.fill(lexicon, "closing.greeting", values) + "\n\n"
                + Texts.fill(lexicon, "closing.what-happens", values) + "\n"
                + Texts.fill(lexicon, "closing.by-when", values) + "\n"
                + Texts.fill(lexicon, "closing.how-to-check", values) + "\n\n"
                + chosen + "\n"
                + Texts.fill(lexicon, "closing.signature", values);
        return new Composed(chosen, message);
    }

    private static String defaultFarewell(Lexicon lexicon, long caseNumber, Map<String, String> values) {
        int count = 0;
        while (lexicon.hasText("closing.farewell." + (count + 1))) {
            count++;
        }
        return count == 0
                ? ""
                : Texts.fill(lexicon, "closing.farewell." + (1 + Math.floorMod(caseNumber, count)), values);
    }

    /** Trimmed, starting with a capital and ending with a full stop unless it already ends a sentence. */
    static String sentence(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return s;
        }
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        char last = s.charAt(s.length() - 1);
        return last == '.' || last == '!' || last == '?' ? s : s + ".";
    }
}
