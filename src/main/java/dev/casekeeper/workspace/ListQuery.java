package dev.casekeeper.workspace;

import dev.casekeeper.cases.CaseSearch;
import dev.casekeeper.cases.CaseSort;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CaseView;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.Priority;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a list page asks for, as it comes in the URL. Values a list does not know (an old bookmark,
 * a hand-edited link) are ignored rather than refused: the list still shows.
 */
record ListQuery(
        @Nullable String q,
        @Nullable String status,
        @Nullable String priority,
        @Nullable String channel,
        @Nullable String tag,
        @Nullable String sort,
        @Nullable String dir,
        @Nullable Integer page,
        @Nullable String after,
        @Nullable String before) {

    static final int PAGE_SIZE = 25;

    CaseSearch toSearch(CaseView view) {
        var order = sortOrDefault(view);
        return new CaseSearch(
                view,
                blankToNull(q),
                parse(status, CaseStatus::from),
                parse(priority, Priority::from),
                parse(channel, Channel::from),
                blankToNull(tag),
                order,
                dir == null ? defaultAscending(order) : "asc".equals(dir),
                page == null ? 0 : Math.max(0, page),
                PAGE_SIZE,
                blankToNull(after),
                blankToNull(before));
    }

    CaseSort sortOrDefault(CaseView view) {
        var chosen = sort == null ? null : CaseSort.fromKey(sort).orElse(null);
        if (chosen != null) {
            return chosen;
        }
        if (blankToNull(q) != null) {
            // What was searched for, best match first.
            return CaseSort.RELEVANCE;
        }
        // The queue of unowned work is read oldest wait first; everything else, latest change first.
        return view == CaseView.UNASSIGNED ? CaseSort.WAITING : CaseSort.UPDATED;
    }

    /** Longest wait, highest priority and latest change come first unless asked otherwise. */
    static boolean defaultAscending(CaseSort sort) {
        return sort == CaseSort.SUBJECT || sort == CaseSort.STATUS;
    }

    public boolean filtered() {
        return blankToNull(status) != null
                || blankToNull(priority) != null
                || blankToNull(channel) != null
                || blankToNull(tag) != null;
    }

    /** The URL parameters of this query with one changed (null removes it), for sort links and the pager. */
    Map<String, Object> with(String name, @Nullable Object value) {
        var params = new LinkedHashMap<String, Object>();
        put(params, "q", q);
        put(params, "status", status);
        put(params, "priority", priority);
        put(params, "channel", channel);
        put(params, "tag", tag);
        put(params, "sort", sort);
        put(params, "dir", dir);
        if (page != null && page > 0) {
            params.put("page", page);
        }
        if (!name.equals("page")) {
            params.remove("page");
        }
        if (value == null) {
            params.remove(name);
        } else {
            params.put(name, value);
        }
        return params;
    }

    private static void put(Map<String, Object> params, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, value);
        }
    }

    private static <T> @Nullable T parse(@Nullable String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
