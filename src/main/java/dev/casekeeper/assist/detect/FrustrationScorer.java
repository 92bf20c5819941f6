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

    private static final java.util.Set<String> YOU =
            java.util.Set.of("you", "your", "youre", "u", "ur", "yours", "yourself");

    static final int ANNOYANCE_CAP = 45;

    /** A sentence in capitals inside an ordinary message: frustrated on its own, heated only beside hostility. */
    static final int SHOUTED_SENTENCE = 25;

    private static final int AFTER_CAPITALS = 5;

    private static final java.util.Set<String> ANNOYANCE =
            java.util.Set.of("negative-words", "repeats-themselves", "punctuation", "shouting", "sarcasm");

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

        var shouting = Shouting.measure(text, tokens, lexicon);
        shouting(text, tokens, shouting, reasons);
        punctuation(text, shouting, reasons);
        int loud = reasons.size();
        int profane = profanity(text, tokens, taken, reasons);
        int insults = phrases("insult", "insults", 40, 10, 50, false, text, tokens, taken, reasons);
        var abusive = (BitSet) taken.clone();
        int threats = phrases("threat", "threats", 20, 10, 50, false, text, tokens, taken, reasons);
        int requests = phrases("supervisor-request", "escalation", 40, 0, 40, false, text, tokens, taken, reasons);
        var negative = matches("negative", true, tokens, taken);
        phrases("repeats-themselves", "repetition", 25, 8, 35, false, text, tokens, taken, reasons);
        int sarcasm = sarcasm(text, tokens, taken, !negative.isEmpty(), reasons);
        if (profane + insults > 0) {
            aimed(text, tokens, abusive, reasons);
        }
        new CaseSignals(context).add(text, tokens, reasons);
        negativeWords(text, tokens, negative, reasons);
        // Capitals of delight ("THANK YOU SO MUCH!") are shouting only in a message that complains of something else.
        boolean joy = shouting.whole()
                && shouting.delighted()
                && reasons.subList(loud, reasons.size()).stream().noneMatch(r -> r.points() > 0);
        if (joy) {
            reasons.removeIf(r -> r.signal().equals("shouting")
                    || (r.signal().equals("punctuation") && r.points() == AFTER_CAPITALS));
        }
        boolean shouted = !joy && (shouting.whole() || !shouting.sentences().isEmpty());
        if (profane + insults + threats + requests + sarcasm == 0 && !shouted) {
            politeness(text, tokens, taken, reasons);
        }

        var capped = capAnnoyance(reasons, shouting.whole() && !joy);
        int score = Math.clamp(capped.stream().mapToInt(Reason::points).sum(), 0, 100);
        boolean supervisor = requests > 0;
        return new FrustrationScore(score, thresholds.level(score, supervisor), supervisor, lexicon.language(), capped);
    }

    /**
     * Signs of annoyance (negative words, saying they repeat themselves, runs of ! and ?, words or
     * a sentence in capitals, sarcasm) make a message frustrated, but on their own never heated: together they
     * add at most {@value #ANNOYANCE_CAP} points. Hostility (swearing, insults, threats, a whole
     * message in capitals, asking for a supervisor) or the case (contacts, transfers, waiting)
     * take it further. A reason cut by the cap shows the points it actually added.
     */
    private static List<Reason> capAnnoyance(List<Reason> reasons, boolean wholeInCapitals) {
        int budget = ANNOYANCE_CAP;
        var capped = new ArrayList<Reason>(reasons.size());
        for (var reason : reasons) {
            if (ANNOYANCE.contains(reason.signal()) && !(reason.signal().equals("shouting") && wholeInCapitals)) {
                int points = Math.min(reason.points(), budget);
                budget -= points;
                if (points > 0) {
                    capped.add(
                            points == reason.points()
                                    ? reason
                                    : new Reason(reason.signal(), points, reason.detail(), reason.spans()));
                }
            } else {
                capped.add(reason);
            }
        }
        return List.copyOf(capped);
    }

    private void shouting(String text, List<Token> tokens, Shouting shouting, List<Reason> reasons) {
        if (!shouting.any()) {
            return;
        }
        var spans = Spans.ofTokens(text, tokens, shouting.spanTokens(tokens));
        if (shouting.whole()) {
            int points = 30 + (int) Math.round(30 * (shouting.share() - 0.5));
            reasons.add(new Reason(
                    "shouting", points, Math.round(shouting.share() * 100) + "% of the letters in capitals", spans));
        } else if (!shouting.sentences().isEmpty()) {
            int more = shouting.sentences().size() - 1 + shouting.words().size();
            int count = shouting.sentences().size();
            reasons.add(new Reason(
                    "shouting",
                    Math.min(SHOUTED_SENTENCE + 5, SHOUTED_SENTENCE + 5 * more),
                    count == 1 ? "a sentence in capitals" : count + " sentences in capitals",
                    spans));
        } else {
            reasons.add(new Reason(
                    "shouting",
                    Math.min(15, 5 * shouting.words().size()),
                    shouting.words().size() == 1
                            ? "a word in capitals"
                            : shouting.words().size() + " words in capitals",
                    spans));
        }
    }

    /**
     * Runs of two or more {@code !} or {@code ?}: "Hello??", "Unbelievable!!!", "Really?!". A single
     * {@code !} counts after capitals: "I AM A WOMAN!".
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
            reasons.add(new Reason(
                    "punctuation",
                    Math.min(20, 10 + 5 * (spans.size() - 1)),
                    spans.size() == 1 ? "a run of ! or ?" : spans.size() + " runs of ! or ?",
                    spans));
        } else if ((shouting.whole() || shouting.exclaimed() > 0) && text.indexOf('!') >= 0) {
            int at = text.indexOf('!');
            reasons.add(new Reason(
                    "punctuation",
                    AFTER_CAPITALS,
                    "an exclamation mark after capitals",
                    List.of(Span.of(text, at, at + 1))));
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
    private int phrases(
            String signal,
            String list,
            int first,
            int more,
            int cap,
            boolean negatable,
            String text,
            List<Token> tokens,
            BitSet taken,
            List<Reason> reasons) {
        return reason(signal, first, more, cap, matches(list, negatable, tokens, taken), text, tokens, reasons);
    }

    /**
     * The list's matches that count, their words marked as taken. A line marked {@code ignore=yes}
     * is a harmless phrase that shadows a word of the list ("junk folder" is no complaint about junk);
     * one marked {@code start=yes} counts only at the start of a sentence ("As if I don't know").
     */
    private List<PhraseList.Match> matches(String list, boolean negatable, List<Token> tokens, BitSet taken) {
        var found = new ArrayList<PhraseList.Match>();
        for (var match : lexicon.list(list).find(tokens)) {
            if (!taken.get(match.from(), match.to()).isEmpty()
                    || (negatable && negated(tokens, match.from()))
                    || "yes".equals(match.entry().attribute("ignore"))
                    || !startsWhereItMay(match, tokens)) {
                continue;
            }
            taken.set(match.from(), match.to());
            found.add(match);
        }
        return found;
    }

    private static boolean startsWhereItMay(PhraseList.Match match, List<Token> tokens) {
        return !"yes".equals(match.entry().attribute("start"))
                || match.from() == 0
                || tokens.get(match.from() - 1).sentence()
                        != tokens.get(match.from()).sentence();
    }

    private static int reason(
            String signal,
            int first,
            int more,
            int cap,
            List<PhraseList.Match> matches,
            String text,
            List<Token> tokens,
            List<Reason> reasons) {
        if (matches.isEmpty()) {
            return 0;
        }
        var spans = new ArrayList<Span>();
        var seen = new ArrayList<String>();
        int strongest = 0;
        for (var match : matches) {
            String own = match.entry().attribute("points");
            strongest = Math.max(strongest, own == null ? first : Integer.parseInt(own));
            var span = Spans.of(text, tokens, match.from(), match.to());
            spans.add(span);
            seen.add("\u201c" + span.text() + "\u201d");
        }
        int points = Math.min(cap, strongest + more * (spans.size() - 1));
        reasons.add(new Reason(
                signal, points, String.join(", ", seen.stream().distinct().toList()), spans));
        return spans.size();
    }

    /**
     * Negative words. A phrase marked {@code fault=yes} ("keeps dropping", "still doesn't", "cut off")
     * describes a fault, and a calm report of a fault is no frustration: it counts only beside another
     * sign, in the message or on the case ("My router keeps dropping the connection and this is the
     * third time I'm reporting it").
     */
    private static void negativeWords(
            String text, List<Token> tokens, List<PhraseList.Match> negative, List<Reason> reasons) {
        boolean otherSign = reasons.stream().anyMatch(r -> r.points() > 0)
                || negative.stream().anyMatch(m -> !isFault(m));
        var counted = otherSign
                ? negative
                : negative.stream().filter(m -> !isFault(m)).toList();
        reason("negative-words", 25, 10, 40, counted, text, tokens, reasons);
    }

    private static boolean isFault(PhraseList.Match match) {
        return "yes".equals(match.entry().attribute("fault"));
    }

    /**
     * Sarcasm and rhetorical questions ({@code sarcasm.txt}). A rhetorical line counts as it is ("Who
     * does that?", "Is it too much to ask"). Praise at the start of a sentence ("Oh good", "Very
     * helpful", "Brilliant") counts only when the message also says something went wrong (a cue such as
     * "another", "again", "a fourth", "won't", or a negative word), says nothing is fixed or working
     * now, and thanks nobody besides: "Great, another password reset link that doesn't work" is
     * sarcasm, "Great, that worked! Thanks" is not.
     */
    private int sarcasm(String text, List<Token> tokens, BitSet taken, boolean negativeWords, List<Reason> reasons) {
        var praise = new ArrayList<PhraseList.Match>();
        var counted = new ArrayList<PhraseList.Match>();
        boolean cue = negativeWords || reasons.stream().anyMatch(r -> r.signal().equals("repeats-themselves"));
        boolean resolved = false;
        boolean grateful = false;
        for (var match : lexicon.list("sarcasm").find(tokens)) {
            String kind = match.entry().attribute("kind");
            if ("yes".equals(match.entry().attribute("ignore")) || kind == null) {
                continue;
            }
            boolean free = taken.get(match.from(), match.to()).isEmpty();
            switch (kind) {
                case "cue" -> cue = true;
                case "resolution" -> resolved |= !negated(tokens, match.from());
                case "gratitude" -> grateful |= free;
                case "praise" -> {
                    if (free && startsSentence(match, tokens)) {
                        praise.add(match);
                    }
                }
                case "rhetorical" -> {
                    if (free && startsWhereItMay(match, tokens)) {
                        counted.add(match);
                    }
                }
                default -> {}
            }
        }
        if (cue && !resolved && !grateful) {
            counted.addAll(praise);
        }
        counted.sort(java.util.Comparator.comparingInt(PhraseList.Match::from));
        counted.forEach(match -> taken.set(match.from(), match.to()));
        return reason("sarcasm", 25, 10, 35, counted, text, tokens, reasons);
    }

    private static boolean startsSentence(PhraseList.Match match, List<Token> tokens) {
        return match.from() == 0
                || tokens.get(match.from() - 1).sentence()
                        != tokens.get(match.from()).sentence();
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
                    reasons.add(new Reason(
                            "aimed-at-someone",
                            15,
                            "abuse with \u201c" + text.substring(token.start(), token.end()) + "\u201d close by",
                            List.of(Span.of(text, token.start(), token.end()))));
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
