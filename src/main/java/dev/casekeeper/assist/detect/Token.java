package dev.casekeeper.assist.detect;

import org.jspecify.annotations.Nullable;

/**
 * One token of a message, with its character span in the original text.
 *
 * @param norm lower case, apostrophes removed ({@code Don't} → {@code dont})
 * @param stretched for words with a letter held three or more times ({@code sooooo}), the word with
 *     each such run shortened to one letter ({@code so}); otherwise null
 * @param unmasked for codes and masked words, the letters they spell with leet and symbol
 *     substitutions undone ({@code sh1t}, {@code a$$}), when every character maps to a letter
 * @param letters the number of letters, for shouting
 * @param upper whether every letter is a capital (and there is at least one)
 * @param sentence the index of the sentence the token is in
 */
public record Token(
        int start,
        int end,
        Kind kind,
        String norm,
        @Nullable String stretched,
        @Nullable String unmasked,
        int letters,
        boolean upper,
        int sentence) {

    public enum Kind {
        /** Letters only. */
        WORD,
        /** Digits, possibly with separators: amounts, dates, order numbers. */
        NUMBER,
        /** Letters mixed with digits: product codes, order references, leet spellings. */
        CODE,
        /** Letters mixed with symbols such as {@code $#&@%*}: a masked word or a grawlix. */
        MASKED,
        /** An email address or a link: never scored. */
        ADDRESS
    }

    public boolean isWord() {
        return kind == Kind.WORD;
    }

    /** Whether this word reads as the given lexicon word, also when its letters are stretched. */
    public boolean reads(String word) {
        return norm.equals(word) || word.equals(stretched);
    }

    /** Whether this word starts with the given lexicon prefix. */
    public boolean startsWith(String prefix) {
        return norm.startsWith(prefix) || (stretched != null && stretched.startsWith(prefix));
    }
}
