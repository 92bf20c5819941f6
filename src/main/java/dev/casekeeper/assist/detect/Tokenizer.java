package dev.casekeeper.assist.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Splits a message into words, numbers, codes and masked words with their character spans, and
 * numbers the sentences. One pass over the text, no regular expressions: scoring must stay far
 * below a millisecond for a message of a few kilobytes.
 */
public final class Tokenizer {

    private static final String MASK_SYMBOLS = "$#&@%*!";

    private Tokenizer() {}

    public static List<Token> tokenize(String text) {
        var tokens = new ArrayList<Token>();
        int sentence = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (c == '\n' && !tokens.isEmpty() && tokens.getLast().sentence() == sentence) {
                    sentence++;
                }
                i++;
                continue;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int before = tokens.size();
            chunk(text, start, i, sentence, tokens);
            if (endsSentence(text, start, i) && tokens.size() > before) {
                sentence++;
            }
        }
        return tokens;
    }

    /** One whitespace-delimited chunk: leading and trailing punctuation off, then classified. */
    private static void chunk(String text, int start, int end, int sentence, List<Token> out) {
        int s = start;
        int e = end;
        while (s < e && isOuterPunctuation(text.charAt(s), true)) {
            s++;
        }
        while (e > s && isOuterPunctuation(text.charAt(e - 1), false)) {
            e--;
        }
        if (s >= e) {
            return;
        }
        int letters = 0;
        int digits = 0;
        int masks = 0;
        boolean at = false;
        for (int k = s; k < e; k++) {
            char c = text.charAt(k);
            if (Character.isLetter(c)) {
                letters++;
            } else if (Character.isDigit(c)) {
                digits++;
            } else if (MASK_SYMBOLS.indexOf(c) >= 0) {
                masks++;
                at |= c == '@';
            }
        }
        String core = text.substring(s, e);
        if ((at && core.indexOf('.', core.indexOf('@')) > 0) || core.startsWith("http") || core.startsWith("www.")) {
            out.add(new Token(s, e, Token.Kind.ADDRESS, core.toLowerCase(Locale.ROOT), null, null, 0, false, sentence));
        } else if (digits > 0 && letters == 0) {
            out.add(new Token(s, e, Token.Kind.NUMBER, core, null, unmask(core), 0, false, sentence));
        } else if (digits > 0) {
            out.add(new Token(
                    s,
                    e,
                    Token.Kind.CODE,
                    core.toLowerCase(Locale.ROOT),
                    null,
                    unmask(core),
                    letters,
                    false,
                    sentence));
        } else if (masks > 0 && (letters > 0 || masks >= 3) && !(masks == 1 && core.endsWith("!"))) {
            out.add(new Token(
                    s,
                    e,
                    Token.Kind.MASKED,
                    core.toLowerCase(Locale.ROOT),
                    null,
                    unmask(core),
                    letters,
                    false,
                    sentence));
        } else {
            words(text, s, e, sentence, out);
        }
    }

    /** Letters with apostrophes inside stay one word; any other mark (hyphen, dot, slash) splits. */
    private static void words(String text, int s, int e, int sentence, List<Token> out) {
        int k = s;
        while (k < e) {
            while (k < e && !Character.isLetter(text.charAt(k))) {
                k++;
            }
            int ws = k;
            while (k < e
                    && (Character.isLetter(text.charAt(k))
                            || (isApostrophe(text.charAt(k)) && k + 1 < e && Character.isLetter(text.charAt(k + 1))))) {
                k++;
            }
            if (k > ws) {
                out.add(word(text, ws, k, sentence));
            }
        }
    }

    static Token word(String text, int s, int e, int sentence) {
        var norm = new StringBuilder(e - s);
        int letters = 0;
        boolean anyUpper = false;
        boolean anyLower = false;
        for (int k = s; k < e; k++) {
            char c = text.charAt(k);
            if (isApostrophe(c)) {
                continue;
            }
            letters++;
            anyUpper |= Character.isUpperCase(c);
            anyLower |= Character.isLowerCase(c);
            norm.append(Character.toLowerCase(c));
        }
        String lower = norm.toString();
        return new Token(
                s, e, Token.Kind.WORD, lower, stretched(lower), null, letters, anyUpper && !anyLower, sentence);
    }

    /** {@code sooooo} → {@code so}, {@code fuuuuck} → {@code fuck}; null when no letter is held three times. */
    static @Nullable String stretched(String word) {
        boolean stretched = false;
        for (int k = 2; k < word.length() && !stretched; k++) {
            stretched = word.charAt(k) == word.charAt(k - 1) && word.charAt(k) == word.charAt(k - 2);
        }
        if (!stretched) {
            return null;
        }
        var out = new StringBuilder(word.length());
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            int run = 1;
            while (k + run < word.length() && word.charAt(k + run) == c) {
                run++;
            }
            out.append(c);
            if (run == 2) {
                out.append(c);
            }
            k += run - 1;
        }
        return out.toString();
    }

    /** The letters a leet or symbol spelling stands for ({@code sh1t} → {@code shit}); null if a character stands for none. */
    static @Nullable String unmask(String core) {
        var out = new StringBuilder(core.length());
        for (int k = 0; k < core.length(); k++) {
            char c = Character.toLowerCase(core.charAt(k));
            char letter = switch (c) {
                case '0' -> 'o';
                case '1', '!', '|' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7', '+' -> 't';
                case '8' -> 'b';
                default -> Character.isLetter(c) ? c : 0;
            };
            if (letter == 0) {
                return null;
            }
            out.append(letter);
        }
        return out.toString();
    }

    private static boolean endsSentence(String text, int start, int end) {
        for (int k = end - 1; k >= start; k--) {
            char c = text.charAt(k);
            if (c == '.' || c == '!' || c == '?' || c == '…') {
                return true;
            }
            if (!isOuterPunctuation(c, false)) {
                return false;
            }
        }
        return false;
    }

    private static boolean isOuterPunctuation(char c, boolean leading) {
        if (Character.isLetterOrDigit(c)) {
            return false;
        }
        if (leading) {
            return "\"'([{“‘«¿¡<".indexOf(c) >= 0 || c == '-' || c == '–' || c == '—' || c == ':' || c == ',';
        }
        return ".,;:!?\"')]}”’»…>".indexOf(c) >= 0 || c == '-' || c == '–' || c == '—';
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == '‘';
    }
}
