package dev.casekeeper.cases;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of a case list, with how many cases match in all: exactly up to {@link #COUNT_CAP}, and
 * {@code COUNT_CAP + 1} for anything more ({@link #capped()}), since an exact count of a common
 * word over a whole desk's history would cost more than the page. {@code next} and {@code previous}
 * are cursors for {@link CaseSearch#after()} and {@link CaseSearch#before()}, null at either end;
 * {@code snippets} what a search matched in each case's messages and notes, where it did.
 */
public record CasePage(
        List<CaseSummary> items,
        long total,
        int page,
        int size,
        @Nullable String next,
        @Nullable String previous,
        Map<CaseId, Snippet> snippets) {

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
        return next != null;
    }

    public boolean hasPrevious() {
        return previous != null;
    }
}
