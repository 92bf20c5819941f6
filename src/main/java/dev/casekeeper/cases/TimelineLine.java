package dev.casekeeper.cases;

import org.jspecify.annotations.Nullable;

/**
 * An event of a case's timeline in words, as a person reads it on the case page and in the API.
 *
 * @param text the sentence: who did what
 * @param note what the doer added (a reason, a note), shown under it
 * @param summary a longer text a reader may unfold (what the customer already said, at a transfer)
 * @param alert whether it deserves attention (an escalation, people left out of a reply)
 */
public record TimelineLine(
        String text, @Nullable String note, @Nullable String summary, boolean alert) {

    static TimelineLine of(String text) {
        return new TimelineLine(text, null, null, false);
    }
}
