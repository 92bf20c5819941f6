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

    private static final java.util.Set<String> YOU = java.util.Set.of("you", "your", "youre", "u", "ur", "yours", "yourself");

    static final int ANNOYANCE_CAP = 45;

    private static final java.util.Set<String> ANNOYANCE =
            java.util.Set.of("negative-words", "repeats-themselves", "punctuation", "shouting");

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
        punctuation(text, shouting, reasons);
        int profane = profanity(text, tokens, taken, reasons);
        int insults = phrases("insult", "insults", 40, 10, 50, false, text, tokens, taken, reasons);
        var abusive = (BitSet) taken.clone();
        int threats = phrases("threat", "threats", 20, 10, 50, false, text, tokens, taken, reasons);
        int requests = phrases("supervisor-request", "escalation", 40, 0, 40, false, text, tokens, taken, reasons);
        phrases("negative-words", "negative", 25, 10, 40, true, text, tokens, taken, reasons);
        phrases("repeats-themselves", "repetition", 25, 8, 35, false, text, tokens, taken, reasons);
        if (profane + insults > 0) {
            aimed(text, tokens, abusive, reasons);
        }
        new CaseSignals(context).add(text, tokens, reasons);
        if (profane + insults + threats + requests == 0 && !shouting.whole()) {
            politeness(text, tokens, taken, reasons);
        }

        var capped = capAnnoyance(reasons);
        int score = Math.clamp(capped.stream().mapToInt(Reason::points).sum(), 0, 100);
        boolean supervisor = requests > 0;
        return new FrustrationScore(score, thresholds.level(score, supervisor), supervisor, lexicon.language(), capped);
    }

    /**
     * Signs of annoyance (negative words, saying they repeat themselves, runs of ! and ?, a few
     * words in capitals) make a message frustrated, but on their own never heated: together they
     * add at most {@value #ANNOYANCE_CAP} points. Hostility (swearing, insults, threats, a whole
     * message in capitals, asking for a supervisor) or the case (contacts, transfers, waiting)
     * take it further. A reason cut by the cap shows the points it actually added.
     */
    private static List<Reason> capAnnoyance(List<Reason> reasons) {
        int budget = ANNOYANCE_CAP;
        var capped = new ArrayList<Reason>(reasons.size());
        for (var reason : reasons) {
            if (ANNOYANCE.contains(reason.signal()) && !(reason.signal().equals("shouting") && reason.points() > 15)) {
                int points = Math.min(reason.points(), budget);
                budget -= points;
                if (points > 0) {
                    capped.add(points == reason.points() ? reason : new Reason(reason.signal(), points, reason.detail(), reason.spans()));
                }
            } else {
                capped.add(reason);
            }
        }
        return List.copyOf(capped);
    }

    private void shouting(String text, List<Token> tokens, Shouting shouting, List<Reason> reasons) {
        if (shouting.words().isEmpty()) {
            return;
        }
        var spans = Spans.ofTokens(text, tokens, shouting.spanTokens(tokens));
        if (shouting.whole()) {
            int points = 30 + (int) Math.round(30 * (shouting.share() - 0.5));
            reasons.add(new Reason("shouting", points,
                    Math.round(shouting.share() * 100) + "% of the letters in capitals", spans));
        } else {
            reasons.add(new Reason("shouting", Math.min(15, 5 * shouting.words().size()),
                    shouting.words().size() == 1 ? "a word in capitals" : shouting.words().size() + " words in capitals", spans));
        }
    }

    /**
     * Runs of two or more {@code !} or {@code ?}: "Hello??", "Unbelievable!!!", "Really?!". A single
     * {@code !} counts when the message is in capitals: "I AM A WOMAN!".
     */
    private static void punctuation(String text, Shouting shouting, List<Reason> reasons) {
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
            reasons.add(new Reason("punctuation", Math.min(20, 10 + 5 * (spans.size() - 1)),
                    spans.size() == 1 ? "a run of ! or ?" : spans.size() + " runs of ! or ?", spans));
        } else if (shouting.whole() && text.indexOf('!') >= 0) {
            int at = text.indexOf('!');
            reasons.add(new Reason("punctuation", 5, "an exclamation mark after capitals", List.of(Span.of(text, at, at + 1))));
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
        int points = strong > 0 ? 40 + 10 * (strong - 1) + 6 * mild : 15 + 6 * (mild - 1);
        String detail = (strong + mild == 1 ? "a swear word" : (strong + mild) + " swear words")
                + (masked > 0 ? " (" + masked + " masked or disguised)" : "")
                + (strong == 0 ? ", mild" : "");
        reasons.add(new Reason("profanity", Math.min(55, points), detail, spans));
        return strong + mild;
    }

    /**
     * Matches of one word list. The strongest match earns its points ({@code points=} on its line,
     * else {@code first}), each further one {@code more}, up to {@code cap}; words another signal
     * already counted are not counted again,
     * and with {@code negatable}, a match right after "not" or "never" does not count.
     */
    private int phrases(String signal, String list, int first, int more, int cap, boolean negatable,
            String text, List<Token> tokens, BitSet taken, List<Reason> reasons) {
        var spans = new ArrayList<Span>();
        var seen = new ArrayList<String>();
        int strongest = 0;
        for (var match : lexicon.list(list).find(tokens)) {
            if (!taken.get(match.from(), match.to()).isEmpty() || (negatable && negated(tokens, match.from()))) {
                continue;
            }
            taken.set(match.from(), match.to());
            String own = match.entry().attribute("points");
            strongest = Math.max(strongest, own == null ? first : Integer.parseInt(own));
            var span = Spans.of(text, tokens, match.from(), match.to());
            spans.add(span);
            seen.add("\u201c" + span.text() + "\u201d");
        }
        if (spans.isEmpty()) {
            return 0;
        }
        int points = Math.min(cap, strongest + more * (spans.size() - 1));
        reasons.add(new Reason(signal, points, String.join(", ", seen.stream().distinct().toList()), spans));
        return spans.size();
    }

    /** Swearing or an insult with "you" close by is aimed at a person, usually the agent: 15 more points. */
    private static void aimed(String text, List<Token> tokens, BitSet abusive, List<Reason> reasons) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!abusive.get(i)) {
                continue;
            }
            for (int k = Math.max(0, i - 4); k <= Math.min(tokens.size() - 1, i + 4); k++) {
                var token = tokens.get(k);
                if (!abusive.get(k) && token.sentence() == tokens.get(i).sentence() && YOU.contains(token.norm())) {
                    reasons.add(new Reason("aimed-at-someone", 15, "abuse with \u201c" + text.substring(token.start(), token.end())
                            + "\u201d close by", List.of(Span.of(text, token.start(), token.end()))));
                    return;
                }
            }
        }
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
