package dev.casekeeper.assist.detect;

import dev.casekeeper.assist.FrustrationScore;
import dev.casekeeper.assist.Reason;
import dev.casekeeper.assist.Span;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Scores how frustrated a customer message reads, 0 to 100, as the sum of the points of each
 * signal (each capped), with the words that triggered it. The signals and their points are
 * listed in {@code docs/assist.md}; every one is a plain rule over the text and the case, so the
 * same message in the same case always scores the same, and a person can follow why.
 */
public final class FrustrationScorer {

    private final Lexicon lexicon;
    private final Thresholds thresholds;

    public FrustrationScorer(Lexicon lexicon, Thresholds thresholds) {
        this.lexicon = lexicon;
        this.thresholds = thresholds;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public FrustrationScore score(String text) {
        return score(text, CaseContext.NONE);
    }

    public FrustrationScore score(String text, CaseContext context) {
        var tokens = Tokenizer.tokenize(text);
        var reasons = new ArrayList<Reason>();
        var taken = new BitSet(tokens.size());

        var shouting = Shouting.measure(tokens, lexicon);
        shouting(text, tokens, shouting, reasons);
        punctuation(text, reasons);
        int profane = profanity(text, tokens, taken, reasons);
        int insults = phrases("insult", "insults", 20, 10, 30, false, text, tokens, taken, reasons);
        int threats = phrases("threat", "threats", 18, 10, 36, false, text, tokens, taken, reasons);
        int requests = phrases("supervisor-request", "escalation", 30, 0, 30, false, text, tokens, taken, reasons);
        phrases("repeats-themselves", "repetition", 12, 8, 20, false, text, tokens, taken, reasons);
        phrases("negative-words", "negative", 12, 12, 30, true, text, tokens, taken, reasons);
        new CaseSignals(context).add(text, tokens, reasons);
        if (profane + insults + threats + requests == 0 && !shouting.whole()) {
            politeness(text, tokens, taken, reasons);
        }

        int score = Math.clamp(reasons.stream().mapToInt(Reason::points).sum(), 0, 100);
        boolean supervisor = requests > 0;
        return new FrustrationScore(score, thresholds.level(score, supervisor), supervisor, lexicon.language(), List.copyOf(reasons));
    }

    private void shouting(String text, List<Token> tokens, Shouting shouting, List<Reason> reasons) {
        if (shouting.words().isEmpty()) {
            return;
        }
        var spans = Spans.ofTokens(text, tokens, shouting.words());
        if (shouting.whole()) {
            int points = 25 + (int) Math.round(30 * (shouting.share() - 0.5));
            reasons.add(new Reason("shouting", points,
                    Math.round(shouting.share() * 100) + "% of the letters in capitals", spans));
        } else {
            reasons.add(new Reason("shouting", Math.min(15, 5 * shouting.words().size()),
                    shouting.words().size() == 1 ? "a word in capitals" : shouting.words().size() + " words in capitals", spans));
        }
    }

    /** Runs of two or more {@code !} or {@code ?}: "Hello??", "Unbelievable!!!", "Really?!". */
    private static void punctuation(String text, List<Reason> reasons) {
        var spans = new ArrayList<Span>();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && (text.charAt(i) == '!' || text.charAt(i) == '?')) {
                i++;
            }
            if (i - start >= 2) {
                spans.add(Span.of(text, start, i));
            }
            i = Math.max(i, start + 1);
        }
        if (!spans.isEmpty()) {
            reasons.add(new Reason("punctuation", Math.min(16, 8 * spans.size()),
                    spans.size() == 1 ? "a run of ! or ?" : spans.size() + " runs of ! or ?", spans));
        }
    }

    private int profanity(String text, List<Token> tokens, BitSet taken, List<Reason> reasons) {
        int strong = 0;
        int mild = 0;
        int masked = 0;
        var spans = new ArrayList<Span>();
        for (var hit : lexicon.profanities().find(tokens)) {
            if (!taken.get(hit.from(), hit.to()).isEmpty()) {
                continue;
            }
            taken.set(hit.from(), hit.to());
            spans.add(Spans.of(text, tokens, hit.from(), hit.to()));
            if (hit.strong()) {
                strong++;
            } else {
                mild++;
            }
            if (!hit.how().equals("plain")) {
                masked++;
            }
        }
        if (strong + mild == 0) {
            return 0;
        }
        int points = strong > 0 ? 30 + 10 * (strong - 1) + 6 * mild : 12 + 6 * (mild - 1);
        String detail = (strong + mild == 1 ? "a swear word" : (strong + mild) + " swear words")
                + (masked > 0 ? " (" + masked + " masked or disguised)" : "")
                + (strong == 0 ? ", mild" : "");
        reasons.add(new Reason("profanity", Math.min(45, points), detail, spans));
        return strong + mild;
    }

    /**
     * Matches of one word list. The first match earns {@code first} points, each further one
     * {@code more}, up to {@code cap}; words another signal already counted are not counted again,
     * and with {@code negatable}, a match right after "not" or "never" does not count.
     */
    private int phrases(String signal, String list, int first, int more, int cap, boolean negatable,
            String text, List<Token> tokens, BitSet taken, List<Reason> reasons) {
        var spans = new ArrayList<Span>();
        var seen = new ArrayList<String>();
        for (var match : lexicon.list(list).find(tokens)) {
            if (!taken.get(match.from(), match.to()).isEmpty() || (negatable && negated(tokens, match.from()))) {
                continue;
            }
            taken.set(match.from(), match.to());
            var span = Spans.of(text, tokens, match.from(), match.to());
            spans.add(span);
            seen.add("\u201c" + span.text() + "\u201d");
        }
        if (spans.isEmpty()) {
            return 0;
        }
        int points = Math.min(cap, first + more * (spans.size() - 1));
        reasons.add(new Reason(signal, points, String.join(", ", seen.stream().distinct().toList()), spans));
        return spans.size();
    }

    private boolean negated(List<Token> tokens, int from) {
        int sentence = tokens.get(from).sentence();
        for (int k = from - 1; k >= Math.max(0, from - 2); k--) {
            var token = tokens.get(k);
            if (token.sentence() != sentence) {
                return false;
            }
            if (lexicon.isNegator(token.norm())) {
                return true;
            }
        }
        return false;
    }

    private void politeness(String text, List<Token> tokens, BitSet taken, List<Reason> reasons) {
        for (var match : lexicon.list("politeness").find(tokens)) {
            if (taken.get(match.from(), match.to()).isEmpty()) {
                var span = Spans.of(text, tokens, match.from(), match.to());
                reasons.add(new Reason("politeness", -5, "\u201c" + span.text() + "\u201d", List.of(span)));
                return;
            }
        }
    }
}
