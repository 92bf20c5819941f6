package dev.casekeeper.assist.detect;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Capitals that read as shouting. Counted over words of two or more letters; a short word in
 * capitals next to an ordinary lower-case word is taken for an acronym or product name (SKU, USB,
 * HDMI) and left out, unless it is a known emphasis word (NOW, NEVER, AGAIN). Known acronyms are
 * left out the same way at any length. Codes with digits (ABC-123) are never words.
 *
 * @param capitalLetters letters in words that count as capitals
 * @param letters letters in all words that count
 * @param words the indices of the tokens that count as capitals
 */
public record Shouting(int capitalLetters, int letters, List<Integer> words) {

    /** Below this many counted letters, a message is too short to be shouting as a whole ("OK", "FYI"). */
    static final int MIN_LETTERS = 6;

    public static Shouting measure(List<Token> tokens, Lexicon lexicon) {
        int capitals = 0;
        int letters = 0;
        var words = new ArrayList<Integer>();
        for (int i = 0; i < tokens.size(); i++) {
            var token = tokens.get(i);
            if (!token.isWord() || token.letters() < 2) {
                continue;
            }
            if (token.upper() && !lexicon.isEmphasis(token.norm())
                    && (token.letters() <= 5 || lexicon.isAcronym(token.norm()))
                    && nextToLowerCase(tokens, i)) {
                continue;
            }
            letters += token.letters();
            if (token.upper()) {
                capitals += token.letters();
                words.add(i);
            }
        }
        return new Shouting(capitals, letters, List.copyOf(words));
    }

    /** The counted words and the single capital letters next to them ("I AM A WOMAN"), for spans. */
    public List<Integer> spanTokens(List<Token> tokens) {
        var all = new java.util.TreeSet<>(words);
        for (int index : words) {
            for (int step : new int[] {-1, 1}) {
                int k = index + step;
                while (k >= 0 && k < tokens.size() && tokens.get(k).isWord() && tokens.get(k).upper()
                        && tokens.get(k).letters() == 1 && tokens.get(k).sentence() == tokens.get(index).sentence()) {
                    all.add(k);
                    k += step;
                }
            }
        }
        return List.copyOf(all);
    }

    /** The share of counted letters in capitals, 0 to 1. */
    public double share() {
        return letters == 0 ? 0 : (double) capitalLetters / letters;
    }

    /** Whether the message as a whole is in capitals. */
    public boolean whole() {
        return letters >= MIN_LETTERS && share() >= 0.5;
    }

    private static boolean nextToLowerCase(List<Token> tokens, int i) {
        return hasLowerCase(neighbour(tokens, i, -1)) || hasLowerCase(neighbour(tokens, i, 1));
    }

    private static @Nullable Token neighbour(List<Token> tokens, int i, int step) {
        for (int k = i + step; k >= 0 && k < tokens.size(); k += step) {
            if (tokens.get(k).isWord()) {
                return tokens.get(k);
            }
        }
        return null;
    }

    private static boolean hasLowerCase(@Nullable Token token) {
        return token != null && !token.upper();
    }
}
