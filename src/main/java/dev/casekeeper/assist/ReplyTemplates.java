package dev.casekeeper.assist;

import dev.casekeeper.assist.detect.CaseContext;
import dev.casekeeper.assist.detect.Lexicon;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the acknowledge → validate → commit templates for a case: the ones that fit what made
 * the customer frustrated (a supervisor asked for, transfers, repeating themselves, waiting)
 * first, the general one last. Texts come from the language's {@code texts.properties}.
 */
final class ReplyTemplates {

    private ReplyTemplates() {}

    static List<ReplyTemplate> build(
            Lexicon lexicon, @Nullable FrustrationScore last, CaseContext context, Map<String, String> facts) {
        var ids = new ArrayList<String>();
        var signals = last == null ? List.<String>of() : last.signals();
        if (last != null && last.supervisorRequested()) {
            ids.add("supervisor");
        }
        if (signals.contains("transfers") || context.transfers() > 0) {
            ids.add("transferred");
        }
        if (signals.contains("repeated-information") || signals.contains("repeats-themselves")) {
            ids.add("repeated");
        }
        if (context.waited() != null && context.waited().toHours() >= 1) {
            ids.add("waited");
        }
        ids.add("default");
        var values = new java.util.HashMap<>(facts);
        values.put("waited", context.waited() == null ? "" : Texts.duration(context.waited()));
        return ids.stream().map(id -> template(lexicon, id, values)).toList();
    }

    private static ReplyTemplate template(Lexicon lexicon, String id, Map<String, String> values) {
        String prefix = "template." + id + ".";
        String acknowledge = Texts.fill(lexicon, prefix + "acknowledge", values);
        String validate = Texts.fill(lexicon, prefix + "validate", values);
        String commit = Texts.fill(lexicon, prefix + "commit", values);
        return new ReplyTemplate(
                id,
                lexicon.text(prefix + "title"),
                acknowledge,
                validate,
                commit,
                acknowledge + " " + validate + " " + commit);
    }
}
