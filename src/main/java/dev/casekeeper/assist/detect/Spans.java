package dev.casekeeper.assist.detect;

import dev.casekeeper.assist.Span;
import java.util.ArrayList;
import java.util.List;

/** Character spans of tokens; neighbouring tokens in one sentence join into one span. */
final class Spans {

    private Spans() {}

    static Span of(String text, List<Token> tokens, int from, int to) {
        return Span.of(text, tokens.get(from).start(), tokens.get(to - 1).end());
    }

    /** Spans of the given token indices (ascending); runs of consecutive indices in one sentence become one span. */
    static List<Span> ofTokens(String text, List<Token> tokens, List<Integer> indices) {
        var spans = new ArrayList<Span>();
        int i = 0;
        while (i < indices.size()) {
            int from = indices.get(i);
            int to = from;
            while (i + 1 < indices.size() && joins(tokens, to, indices.get(i + 1))) {
                to = indices.get(i + 1);
                i++;
            }
            spans.add(of(text, tokens, from, to + 1));
            i++;
        }
        return spans;
    }

    /** Tokens join when only capitals stand between them in one sentence ("I AM A WOMAN" is one span). */
    private static boolean joins(List<Token> tokens, int from, int to) {
        for (int k = from + 1; k <= to; k++) {
            var token = tokens.get(k);
            if (token.sentence() != tokens.get(from).sentence() || (k < to && !(token.isWord() && token.upper()))) {
                return false;
            }
        }
        return true;
    }
}
