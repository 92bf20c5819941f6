package dev.casekeeper.assist;

import dev.casekeeper.assist.detect.Lexicon;
import dev.casekeeper.assist.detect.References;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The reason and summary of a one-step handover, written from the case: how frustrated the
 * customer is and why, what they said (the latest five messages, shortened), the references they
 * gave, and the agent's note. The colleague reads it before speaking, so the customer does not
 * repeat themselves.
 */
final class HandoverNotes {

    private static final int EXCERPT = 280;
    private static final int MESSAGES = 5;

    private HandoverNotes() {}

    static String reason(Lexicon lexicon, @Nullable FrustrationScore latest, boolean heated) {
        if (latest == null || (!heated && latest.level() == FrustrationLevel.CALM)) {
            return lexicon.text("handover.reason.calm");
        }
        return Texts.fill(
                lexicon,
                "handover.reason",
                Map.of("score", String.valueOf(latest.score()), "signals", SignalWords.of(latest.signals())));
    }

    static String summary(Lexicon lexicon, List<String> customerMessages, @Nullable String note, String agentName) {
        var lines = new ArrayList<String>();
        lines.add(Texts.fill(
                lexicon, "handover.summary.header", Map.of("count", String.valueOf(customerMessages.size()))));
        int from = Math.max(0, customerMessages.size() - MESSAGES);
        for (int i = from; i < customerMessages.size(); i++) {
            lines.add((i + 1) + ". " + excerpt(customerMessages.get(i)));
        }
        var references = References.in(customerMessages, 10);
        if (!references.isEmpty()) {
            lines.add(Texts.fill(
                    lexicon, "handover.summary.references", Map.of("references", String.join(", ", references))));
        }
        if (note != null && !note.isBlank()) {
            lines.add(Texts.fill(lexicon, "handover.summary.note", Map.of("agent", agentName, "note", note.strip())));
        }
        return String.join("\n", lines);
    }

    private static String excerpt(String message) {
        String flat = message.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1) + "…";
    }
}
