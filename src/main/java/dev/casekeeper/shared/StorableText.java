package dev.casekeeper.shared;

import java.util.Locale;

/**
 * Text Casekeeper can keep: no NUL (U+0000), which PostgreSQL's {@code text} refuses, and no half
 * of a UTF-16 surrogate pair, which is no character at all and cannot be written as UTF-8. Every
 * other character is kept as given. Input from agents and the API is refused when it breaks this
 * rule; input from a channel that must not be lost (chat) has the offending characters removed
 * with a recorded warning (docs/adr/0014-bad-input-at-the-edges.md).
 */
public final class StorableText {

    private StorableText() {}

    /** Where the first character Casekeeper cannot keep is, or -1 when there is none. */
    public static int firstUnstorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isStorable(CharSequence text) {
        return firstUnstorable(text) < 0;
    }

    /** Why the text cannot be kept, for a person: which character, and where (counted from 1). */
    public static String problem(CharSequence text) {
        int at = firstUnstorable(text);
        if (at < 0) {
            throw new IllegalArgumentException("the text can be kept");
        }
        char c = text.charAt(at);
        String what = c == '\0'
                ? "a NUL character (U+0000)"
                : "half of a surrogate pair (U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT)
                        + "), which is not a character";
        return "contains " + what + " at position " + (at + 1) + "; Casekeeper does not store it";
    }

    /** The text without the characters Casekeeper cannot keep; the same instance when there are none. */
    public static String strip(String text) {
        int at = firstUnstorable(text);
        if (at < 0) {
            return text;
        }
        var kept = new StringBuilder(text.length());
        kept.append(text, 0, at);
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                kept.append(c).append(text.charAt(++i));
            } else if (c != '\0' && !Character.isSurrogate(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
