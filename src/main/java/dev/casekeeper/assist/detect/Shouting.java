package dev.casekeeper.assist.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Capitals that read as shouting. Counted over words of two or more letters; a short word in
 * capitals next to an ordinary lower-case word is taken for an acronym or product name (SKU, USB,
 * HDMI) and left out, unless it is a known emphasis word (NOW, NEVER, AGAIN). Known acronyms are
 * left out the same way at any length. Codes with digits (ABC-123) are never words.
 *
 * <p>A whole sentence in capitals inside an ordinary message ("She changed it to male again. I AM A
 * WOMAN!") is shouted too, although its short words sit next to lower case: when it speaks to or
 * about someone (I, you, my…) or ends in {@code !} or {@code ?}. A sentence in capitals that names
 * no one and ends in a full stop is a label or an error text ("INVALID ACTIVATION KEY."), and one
 * with a word of delight ("THANK YOU SO MUCH!") is joy, not anger.
 *
 * @param capitalLetters letters in words that count as capitals
 * @param letters letters in all words that count
 * @param words the indices of the tokens that count as capitals, outside shouted sentences
 * @param sentences the shouted sentences of an ordinary message, each as the indices of its tokens
 * @param exclaimed how many of those sentences end in {@code !}
 * @param delighted whether a word in capitals is a word of delight ("THANK YOU SO MUCH!"): a message in
 *     capitals that complains of nothing else is joy, not shouting
 */
public record Shouting(
        int capitalLetters,
        int letters,
        List<Integer> words,
        List<List<Integer>> sentences,
        int exclaimed,
        boolean delighted) {

    /** Below this many counted letters, a message is too short to be shouting as a whole ("OK", "FYI"). */
    static final int MIN_LETTERS = 6;

    public static Shouting measure(String text, List<Token> tokens, Lexicon lexicon) {
        int capitals = 0;
        int letters = 0;
        var words = new ArrayList<Integer>();
        for (int i = 0; i < tokens.size(); i++) {
            var token = tokens.get(i);
            if (!token.isWord() || token.letters() < 2) {
                continue;
            }
            if (token.upper()
                    && !lexicon.isEmphasis(token.norm())
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
        boolean whole = letters >= MIN_LETTERS && (double) capitals / letters >= 0.5;
        var sentences = new ArrayList<List<Integer>>();
        int exclaimed = 0;
        boolean delighted = words.stream()
                .anyMatch(index -> lexicon.isDelight(tokens.get(index).norm()));
        if (!whole) {
            // Capitals in a sentence of thanks or joy are no shouting ("THANK YOU SO MUCH! The key works.").
            words.removeIf(index -> delightIn(tokens, tokens.get(index).sentence(), lexicon));
            for (int start = 0; start < tokens.size(); ) {
                int end = start;
                while (end < tokens.size()
                        && tokens.get(end).sentence() == tokens.get(start).sentence()) {
                    end++;
                }
                char mark = endMark(text, tokens.get(end - 1));
                if (shouted(tokens, start, end, mark, lexicon)) {
                    var indices = new ArrayList<Integer>();
                    for (int k = start; k < end; k++) {
                        indices.add(k);
                    }
                    sentences.add(List.copyOf(indices));
                    exclaimed += mark == '!' ? 1 : 0;
                }
                start = end;
            }
            words.removeIf(index -> sentences.stream().anyMatch(sentence -> sentence.contains(index)));
        }
        return new Shouting(capitals, letters, List.copyOf(words), List.copyOf(sentences), exclaimed, delighted);
    }

    private static boolean delightIn(List<Token> tokens, int sentence, Lexicon lexicon) {
        for (var token : tokens) {
            if (token.sentence() == sentence && token.isWord() && token.upper() && lexicon.isDelight(token.norm())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A sentence all in capitals with at least {@value #MIN_LETTERS} letters in two words, not only
     * acronyms, no word of delight, and someone in it or an exclamation or question mark at its end.
     */
    private static boolean shouted(List<Token> tokens, int start, int end, char mark, Lexicon lexicon) {
        int letters = 0;
        int longWords = 0;
        boolean someone = false;
        boolean onlyAcronyms = true;
        for (int k = start; k < end; k++) {
            var token = tokens.get(k);
            if (!token.isWord()) {
                continue;
            }
            if (!token.upper() || lexicon.isDelight(token.norm())) {
                return false;
            }
            letters += token.letters();
            longWords += token.letters() >= 2 ? 1 : 0;
            someone |= lexicon.isPerson(token.norm());
            onlyAcronyms &= lexicon.isAcronym(token.norm());
        }
        return letters >= MIN_LETTERS && longWords >= 2 && !onlyAcronyms && (someone || mark == '!' || mark == '?');
    }

    /** The first ! or ? right after the token (skipping quotes and other marks), or the full stop or space there. */
    private static char endMark(String text, Token last) {
        for (int k = last.end(); k < text.length() && !Character.isWhitespace(text.charAt(k)); k++) {
            char c = text.charAt(k);
            if (c == '!' || c == '?') {
                return c;
            }
        }
        return '.';
    }

    /** The counted words, the shouted sentences, and the single capital letters next to words ("I AM A WOMAN"), for spans. */
    public List<Integer> spanTokens(List<Token> tokens) {
        var all = new TreeSet<>(words);
        sentences.forEach(all::addAll);
        for (int index : words) {
            for (int step : new int[] {-1, 1}) {
                int k = index + step;
                while (k >= 0
                        && k < tokens.size()
                        && tokens.get(k).isWord()
                        && tokens.get(k).upper()
                        && tokens.get(k).letters() == 1
                        && tokens.get(k).sentence() == tokens.get(index).sentence()) {
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

    /** Whether anything at all reads as shouting. */
    public boolean any() {
        return !words.isEmpty() || !sentences.isEmpty();
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
