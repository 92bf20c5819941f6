package dev.casekeeper.cases;

import java.util.List;

/** One page of a case list, with how many cases match in all. */
public record CasePage(List<CaseSummary> items, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
