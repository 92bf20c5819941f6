package dev.casekeeper.cases;

import org.jspecify.annotations.Nullable;

/**
 * One page of a workspace list: a view, narrowed by the filters that are set and by {@code q},
 * which matches the case number, words of the subject or of any message or note (full-text, with
 * stemming), part of the subject, or the requester's name or email.
 *
 * @param page zero-based: the position shown; without a cursor, how many pages to skip (an old link)
 * @param after a {@link CasePage#next()} cursor: the page after the rows seen, however many cases arrived since
 * @param before a {@link CasePage#previous()} cursor: the page before them
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
        int size,
        @Nullable String after,
        @Nullable String before) {

    public static final int MAX_SIZE = 100;

    /** From the first page, or {@code page} pages into the list. */
    public CaseSearch(
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
        this(view, q, status, priority, channel, tag, sort, ascending, page, size, null, null);
    }

    public CaseSearch {
        if (page < 0) {
            page = 0;
        }
        size = Math.clamp(size, 1, MAX_SIZE);
    }
}
