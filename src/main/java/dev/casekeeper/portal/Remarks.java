package dev.casekeeper.portal;

import org.jspecify.annotations.Nullable;

/** What a compliment or complaint form accepts: some text, at most {@link #MAX} characters. */
final class Remarks {

    static final int MAX = 5_000;

    private Remarks() {}

    /** The message key of what is wrong with the text, or null when it is accepted. */
    static @Nullable String error(String text) {
        if (text.isBlank()) {
            return "portal.remark.blank";
        }
        return text.strip().length() > MAX ? "portal.remark.tooLong" : null;
    }
}
