package dev.casekeeper.workspace;

import dev.casekeeper.cases.CasePage;
import dev.casekeeper.cases.CaseSort;
import dev.casekeeper.cases.CaseView;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/** Links of a list page that keep its search and filters: sorting by a column, the pager, itself. */
record ListLinks(CaseView view, ListQuery query, CaseSort sort, boolean ascending) {

    /** Sorted by this column; the column sorted by now turns around. */
    public String sortBy(String key) {
        var column = CaseSort.fromKey(key).orElse(CaseSort.UPDATED);
        boolean asc = column == sort ? !ascending : ListQuery.defaultAscending(column);
        var params = query.with("sort", column.key());
        params.put("dir", asc ? "asc" : "desc");
        return url(params);
    }

    /** How a column is sorted now, for {@code aria-sort}: ascending, descending or none. */
    public String ariaSort(String key) {
        return CaseSort.fromKey(key)
                .filter(column -> column == sort)
                .map(c -> ascending ? "ascending" : "descending")
                .orElse("none");
    }

    /** The page after the one shown, continuing from its last row. */
    public String next(CasePage page) {
        var params = query.with("page", page.page() + 1);
        params.put("after", page.next());
        return url(params);
    }

    /** The page before the one shown, ending at its first row. */
    public String previous(CasePage page) {
        var params = query.with("page", page.page() <= 1 ? null : page.page() - 1);
        params.put("before", page.previous());
        return url(params);
    }

    /** This page again, as it was reached (refreshed after a change). */
    public String self() {
        var params = query.with("page", query.page() == null || query.page() <= 0 ? null : query.page());
        params.put("after", query.after());
        params.put("before", query.before());
        return url(params);
    }

    public String clear() {
        return "/views/" + view.key();
    }

    private String url(Map<String, @Nullable Object> params) {
        var builder = UriComponentsBuilder.fromPath("/views/" + view.key());
        params.forEach((name, value) -> {
            if (value != null) {
                builder.queryParam(name, value);
            }
        });
        return builder.encode().build().toUriString();
    }
}
