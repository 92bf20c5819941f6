package dev.casekeeper.cases;

import org.jspecify.annotations.Nullable;

/**
 * One page of a workspace list: a view, narrowed by the filters that are set and by {@code q},
 * which matches the case number, words of the subject or of any message or note (full-text, with
 * stemming), part of the subject, or the requester's name or email.
 *
 * @param page zero-based
 */
public record CaseSearch(
        CaseView view,
        @Nullable String q,
        @Nullable CaseStatus status,
        @Nullable Priority priority,
        @Nullable Channel channel,
        @Nullable String tag,
        CaseSort sort,
        boolean ascending,
        int page,
        int size) {

    public static final int MAX_SIZE = 100;

    public CaseSearch {
        if (page < 0) {
            page = 0;
        }
        size = Math.clamp(size, 1, MAX_SIZE);
    }
}
