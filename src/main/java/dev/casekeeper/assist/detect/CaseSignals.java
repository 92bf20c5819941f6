package dev.casekeeper.assist.detect;

import dev.casekeeper.assist.Reason;
import dev.casekeeper.assist.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The signals that come from the case rather than the words: the customer repeating what they
 * already wrote, how many times they had to write, transfers, and waiting.
 */
final class CaseSignals {

    private final CaseContext context;

    CaseSignals(CaseContext context) {
        this.context = context;
    }

    void add(String text, List<Token> tokens, List<Reason> reasons) {
        repeated(text, tokens, reasons);
        contacts(reasons);
        if (context.transfers() > 0) {
            reasons.add(new Reason(
                    "transfers",
                    Math.min(18, 6 * context.transfers()),
                    "the case was transferred " + times(context.transfers()),
                    List.of()));
        }
        waiting(reasons);
    }

    /**
     * Word trigrams of this message already in the customer's earlier messages: a quarter or more,
     * and at least three, mean they are writing it again. A reference (order number, key) given
     * again counts on its own.
     */
    private void repeated(String text, List<Token> tokens, List<Reason> reasons) {
        if (context.earlierMessages().isEmpty()) {
            return;
        }
        var earlierGrams = new HashSet<String>();
        var earlierReferences = new HashSet<String>();
        for (String message : context.earlierMessages()) {
            var earlier = Tokenizer.tokenize(message);
            var words = words(earlier);
            for (int k = 0; k + 2 < words.length; k++) {
                earlierGrams.add(gram(earlier, words, k));
            }
            for (var token : earlier) {
                if (isReference(token)) {
                    earlierReferences.add(token.norm());
                }
            }
        }
        // Each distinct trigram counts once, however often it occurs; the words of its first
        // occurrence are marked.
        var words = words(tokens);
        var grams = new HashSet<String>();
        var repeatedTokens = new BitSet(tokens.size());
        int shared = 0;
        for (int k = 0; k + 2 < words.length; k++) {
            String gram = gram(tokens, words, k);
            if (grams.add(gram) && earlierGrams.contains(gram)) {
                shared++;
                repeatedTokens.set(words[k]);
                repeatedTokens.set(words[k + 1]);
                repeatedTokens.set(words[k + 2]);
            }
        }
        var references = new ArrayList<Integer>();
        for (int i = 0; i < tokens.size(); i++) {
            if (isReference(tokens.get(i))
                    && earlierReferences.contains(tokens.get(i).norm())) {
                references.add(i);
            }
        }
        int points = 0;
        var details = new ArrayList<String>();
        boolean repeatsText = shared >= 3 && shared * 4 >= grams.size();
        if (repeatsText) {
            points += shared * 10 >= grams.size() * 6 ? 18 : 12;
            details.add(Math.round(100.0 * shared / grams.size()) + "% of this message repeats earlier messages");
        } else {
            repeatedTokens.clear();
        }
        if (!references.isEmpty()) {
            points += 6;
            details.add("gives " + (references.size() == 1 ? "a reference" : references.size() + " references")
                    + " already given");
            references.forEach(repeatedTokens::set);
        }
        if (points > 0) {
            List<Span> spans =
                    Spans.ofTokens(text, tokens, repeatedTokens.stream().boxed().toList());
            reasons.add(new Reason("repeated-information", Math.min(20, points), String.join("; ", details), spans));
        }
    }

    private void contacts(List<Reason> reasons) {
        int earlier = context.earlierContacts();
        int points = earlier >= 2 ? Math.min(16, 8 + 4 * (earlier - 2)) : 0;
        var detail = new ArrayList<String>();
        if (points > 0) {
            detail.add("message " + (earlier + 1) + " from the customer on this case");
        }
        if (context.followUp()) {
            points += 6;
            detail.add("came back about a closed case");
        }
        if (points > 0) {
            reasons.add(new Reason("contacts", Math.min(20, points), String.join("; ", detail), List.of()));
        }
    }

    private void waiting(List<Reason> reasons) {
        Duration waited = context.waited();
        if (waited == null) {
            return;
        }
        long hours = waited.toHours();
        int points = hours >= 72 ? 16 : hours >= 24 ? 12 : hours >= 4 ? 8 : hours >= 1 ? 4 : 0;
        if (points > 0) {
            String how = hours >= 48 ? (hours / 24) + " days" : hours + (hours == 1 ? " hour" : " hours");
            reasons.add(new Reason("waiting", points, "waited " + how + " for an answer", List.of()));
        }
    }

    /** The indices of the words, numbers and codes among the tokens: what trigrams are made of. */
    private static int[] words(List<Token> tokens) {
        var words = new int[tokens.size()];
        int n = 0;
        for (int i = 0; i < tokens.size(); i++) {
            var kind = tokens.get(i).kind();
            if (kind == Token.Kind.WORD || kind == Token.Kind.NUMBER || kind == Token.Kind.CODE) {
                words[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(words, n);
    }

    /** The trigram of words {@code k}, {@code k + 1} and {@code k + 2}. */
    private static String gram(List<Token> tokens, int[] words, int k) {
        return tokens.get(words[k]).norm()
                + ' '
                + tokens.get(words[k + 1]).norm()
                + ' '
                + tokens.get(words[k + 2]).norm();
    }

    /** An order number, key or code of four or more characters: what a customer should not have to give twice. */
    private static boolean isReference(Token token) {
        return (token.kind() == Token.Kind.NUMBER || token.kind() == Token.Kind.CODE)
                && token.norm().length() >= 4;
    }

    private static String times(int n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    static Set<String> references(String text) {
        var refs = new java.util.LinkedHashSet<String>();
        for (var token : Tokenizer.tokenize(text)) {
            if (isReference(token)) {
                refs.add(text.substring(token.start(), token.end()));
            }
        }
        return refs;
    }
}
