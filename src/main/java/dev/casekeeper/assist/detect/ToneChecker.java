package dev.casekeeper.assist.detect;

import dev.casekeeper.assist.FrustrationLevel;
import dev.casekeeper.assist.Span;
import dev.casekeeper.assist.ToneFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Checks a draft reply for what may land badly: blaming the customer, condescension, a flat
 * refusal with no alternative, shouting, jargon the customer did not use, and a missing
 * acknowledgement when the customer is frustrated. Each finding names the words and a way to say
 * it instead; suggestions come from the word lists ({@code suggestion=}, {@code replacement=}) or
 * the language's {@code texts.properties}.
 */
public final class ToneChecker {

    private final Lexicon lexicon;

    public ToneChecker(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * @param customerMessages what the customer wrote on the case, to tell their own words from jargon
     * @param customerLevel how frustrated their latest message reads, or null if unknown
     */
    public List<ToneFinding> check(
            String draft, List<String> customerMessages, @Nullable FrustrationLevel customerLevel) {
        var tokens = Tokenizer.tokenize(draft);
        var findings = new ArrayList<ToneFinding>();
        phrases("blame", draft, tokens, findings);
        phrases("condescension", draft, tokens, findings);
        refusals(draft, tokens, findings);
        shouting(draft, tokens, findings);
        jargon(draft, tokens, customerMessages, findings);
        if (customerLevel != null && customerLevel.atLeast(FrustrationLevel.FRUSTRATED)) {
            acknowledgement(draft, tokens, findings);
        }
        findings.sort(
                Comparator.comparingInt((ToneFinding f) -> f.span().start()).thenComparing(ToneFinding::kind));
        return List.copyOf(findings);
    }

    private void phrases(String kind, String draft, List<Token> tokens, List<ToneFinding> findings) {
        for (var match : lexicon.list(kind).find(tokens)) {
            findings.add(finding(kind, Spans.of(draft, tokens, match.from(), match.to()), match.entry()));
        }
    }

    /** A refusal counts only when no alternative follows in the same or the next sentence ("…, but I can …"). */
    private void refusals(String draft, List<Token> tokens, List<ToneFinding> findings) {
        var alternatives = lexicon.list("alternatives").find(tokens);
        for (var refusal : lexicon.list("refusal").find(tokens)) {
            int sentence = tokens.get(refusal.from()).sentence();
            boolean offered = alternatives.stream()
                    .anyMatch(alternative -> alternative.from() >= refusal.to()
                            && tokens.get(alternative.from()).sentence() <= sentence + 1);
            if (!offered) {
                findings.add(
                        finding("refusal", Spans.of(draft, tokens, refusal.from(), refusal.to()), refusal.entry()));
            }
        }
    }

    private void shouting(String draft, List<Token> tokens, List<ToneFinding> findings) {
        var shouting = Shouting.measure(draft, tokens, lexicon);
        for (var span : Spans.ofTokens(draft, tokens, shouting.spanTokens(tokens))) {
            findings.add(new ToneFinding(
                    "shouting",
                    span,
                    lexicon.text("tone.shouting.message"),
                    lexicon.text("tone.shouting.suggestion"),
                    span.text().toLowerCase(Locale.ROOT)));
        }
    }

    private void jargon(String draft, List<Token> tokens, List<String> customerMessages, List<ToneFinding> findings) {
        var jargon = lexicon.list("jargon");
        var theirs = new java.util.HashSet<String>();
        for (String message : customerMessages) {
            jargon.find(Tokenizer.tokenize(message))
                    .forEach(m -> theirs.add(m.entry().phrase()));
        }
        for (var match : jargon.find(tokens)) {
            if (!theirs.contains(match.entry().phrase())) {
                findings.add(finding("jargon", Spans.of(draft, tokens, match.from(), match.to()), match.entry()));
            }
        }
    }

    private void acknowledgement(String draft, List<Token> tokens, List<ToneFinding> findings) {
        if (tokens.isEmpty() || !lexicon.list("acknowledgement").find(tokens).isEmpty()) {
            return;
        }
        int last = 0;
        while (last + 1 < tokens.size() && tokens.get(last + 1).sentence() == 0) {
            last++;
        }
        var opening = Span.of(draft, tokens.getFirst().start(), tokens.get(last).end());
        findings.add(new ToneFinding(
                "missing-acknowledgement",
                opening,
                lexicon.text("tone.missing-acknowledgement.message"),
                lexicon.text("tone.missing-acknowledgement.suggestion"),
                null));
    }

    private ToneFinding finding(String kind, Span span, PhraseList.Entry entry) {
        String suggestion = entry.attribute("suggestion");
        return new ToneFinding(
                kind,
                span,
                lexicon.text("tone." + kind + ".message"),
                suggestion != null ? suggestion : lexicon.text("tone." + kind + ".suggestion"),
                entry.attribute("replacement"));
    }
}
