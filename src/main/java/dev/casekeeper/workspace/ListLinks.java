package dev.casekeeper.workspace;

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

    public String page(int page) {
        return url(query.with("page", page <= 0 ? null : page));
    }

    public String self() {
        return url(query.with("page", query.page() == null || query.page() <= 0 ? null : query.page()));
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
