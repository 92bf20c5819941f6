package dev.casekeeper.assist.detect;

import java.util.LinkedHashSet;
import java.util.List;

/** Order numbers, keys and codes a customer gave: what they should never have to give twice. */
public final class References {

    private References() {}

    /** The references in the texts, first seen first, without repeats, at most {@code limit}. */
    public static List<String> in(List<String> texts, int limit) {
        var found = new LinkedHashSet<String>();
        for (String text : texts) {
            found.addAll(CaseSignals.references(text));
        }
        return found.stream().limit(limit).toList();
    }
}
