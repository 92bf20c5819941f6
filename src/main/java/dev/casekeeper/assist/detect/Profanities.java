package dev.casekeeper.assist.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds swear words and slurs, also when masked ({@code B$#&@}, {@code f***}), spelled in leet
 * ({@code sh1t}), stretched ({@code fuuuck}) or spaced out ({@code f u c k}).
 */
public final class Profanities {

    private static final String MASKS = "$#&@%*!";

    /** A swear word found: tokens {@code from} to {@code to} (exclusive); {@code how} says how it was spelled. */
    public record Hit(int from, int to, boolean strong, String how) {}

    private final PhraseList phrases;
    private final Map<String, Boolean> words;
    private final Map<Integer, List<String>> strongByLength = new HashMap<>();

    Profanities(PhraseList phrases, Map<String, Boolean> words) {
        this.phrases = phrases;
        this.words = Map.copyOf(words);
        words.forEach((word, strong) -> {
            if (strong && word.length() >= 3) {
                strongByLength
                        .computeIfAbsent(word.length(), k -> new ArrayList<>())
                        .add(word);
            }
        });
    }

    public boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty();
    }

    public List<Hit> find(List<Token> tokens) {
        var hits = new ArrayList<Hit>();
        for (var match : phrases.find(tokens)) {
            var token = tokens.get(match.from());
            hits.add(new Hit(
                    match.from(),
                    match.to(),
                    "strong".equals(match.entry().attribute("level")),
                    token.stretched() != null
                                    && !token.norm().equals(match.entry().phrase())
                            ? "stretched"
                            : "plain"));
        }
        for (int i = 0; i < tokens.size(); i++) {
            var token = tokens.get(i);
            if (token.kind() == Token.Kind.CODE || token.kind() == Token.Kind.MASKED) {
                // A product code like A55 spells a swear word by accident; leet keeps most of the letters.
                boolean leetCandidate = token.unmasked() != null
                        && (token.kind() == Token.Kind.MASKED || token.letters() >= 2)
                        && token.unmasked().length() >= 3;
                Boolean strong = leetCandidate ? words.get(token.unmasked()) : null;
                if (strong != null) {
                    hits.add(new Hit(i, i + 1, strong, "leet"));
                } else if (token.kind() == Token.Kind.MASKED && isMaskedSwearWord(token.norm())) {
                    hits.add(new Hit(i, i + 1, true, "masked"));
                }
            } else if (token.isWord() && token.letters() == 1) {
                int end = spacedRun(tokens, i);
                if (end - i >= 3) {
                    var joined = new StringBuilder();
                    for (int k = i; k < end; k++) {
                        joined.append(tokens.get(k).norm());
                    }
                    Boolean strong = words.get(joined.toString());
                    if (strong != null) {
                        hits.add(new Hit(i, end, strong, "spaced"));
                    }
                    i = end - 1;
                }
            }
        }
        hits.sort((a, b) -> Integer.compare(a.from(), b.from()));
        return hits;
    }

    /**
     * A masked word: some letters replaced by symbols, read against the swear words of the same
     * length ({@code f**k}, {@code B$#&@}); or, with no letter to go by, a grawlix of three or more
     * symbols of at least two kinds ({@code $#@!}), which is how print masks a swear word.
     */
    boolean isMaskedSwearWord(String masked) {
        int letters = 0;
        long kinds =
                masked.chars().filter(c -> MASKS.indexOf(c) >= 0).distinct().count();
        for (int k = 0; k < masked.length(); k++) {
            if (Character.isLetter(masked.charAt(k))) {
                letters++;
            }
        }
        if (letters == 0) {
            return masked.length() >= 3 && kinds >= 2;
        }
        var candidates = strongByLength.get(masked.length());
        if (candidates != null) {
            for (var word : candidates) {
                if (fits(masked, word)) {
                    return true;
                }
            }
        }
        // A letter or two and a run of symbols reads as a masked word even when the word is not ours.
        return letters <= 2 && masked.length() - letters >= 3 && kinds >= 2 && Character.isLetter(masked.charAt(0));
    }

    private static boolean fits(String masked, String word) {
        for (int k = 0; k < masked.length(); k++) {
            char c = masked.charAt(k);
            if (MASKS.indexOf(c) < 0 && c != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Single letters in a row, with only spaces or dots between them: {@code f u c k}, {@code f.u.c.k}. */
    private static int spacedRun(List<Token> tokens, int from) {
        int end = from + 1;
        while (end < tokens.size()
                && tokens.get(end).isWord()
                && tokens.get(end).letters() == 1
                && tokens.get(end).start() - tokens.get(end - 1).end() <= 2) {
            end++;
        }
        return end;
    }

    @Nullable
    Boolean strength(String word) {
        return words.get(word);
    }
}
