package dev.casekeeper.cases;

import java.util.List;

/**
 * One page of a case list, with how many cases match in all: exactly up to {@link #COUNT_CAP}, and
 * {@code COUNT_CAP + 1} for anything more ({@link #capped()}), since an exact count of a common
 * word over a whole desk's history would cost more than the page.
 */
public record CasePage(List<CaseSummary> items, long total, int page, int size) {

    /** Lists count their cases up to this many; beyond, they say "more than". */
    public static final int COUNT_CAP = 1000;

    /** Whether there are more than {@link #COUNT_CAP} cases, not counted exactly. */
    public boolean capped() {
        return total > COUNT_CAP;
    }

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
