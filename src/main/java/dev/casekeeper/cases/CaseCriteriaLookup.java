package dev.casekeeper.cases;

import dev.casekeeper.agents.SignedInAgent;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists built from filters (saved views): a page of the cases an agent may see, and their capped count. */
@Service
@Transactional(readOnly = true)
public class CaseCriteriaLookup {

    private final CriteriaQueries queries;
    private final CustomPlans plans;
    private final Clock clock;

    CaseCriteriaLookup(CriteriaQueries queries, CustomPlans plans, Clock clock) {
        this.queries = queries;
        this.plans = plans;
        this.clock = clock;
    }

    /** One page, with the total counted up to {@link CasePage#COUNT_CAP} and one beyond. */
    public CasePage page(CaseCriteria criteria, SignedInAgent viewer, int page, int size) {
        var visibility = CaseVisibility.of(viewer);
        var now = clock.instant();
        plans.forFilters();
        int number = Math.max(0, page);
        var items = queries.page(criteria, visibility, number, size, now).stream()
                .map(Case::summary)
                .toList();
        long total = queries.count(criteria, visibility, now);
        // Saved views page by number: their "cursors" are the neighbouring page numbers.
        boolean more = items.size() == size && (total > CasePage.COUNT_CAP || (long) (number + 1) * size < total);
        return new CasePage(
                items,
                total,
                number,
                size,
                more ? Integer.toString(number + 1) : null,
                number > 0 ? Integer.toString(number - 1) : null,
                java.util.Map.of());
    }

    /** How many cases the agent may see match, up to {@link CasePage#COUNT_CAP} and one beyond. */
    public long count(CaseCriteria criteria, SignedInAgent viewer) {
        plans.forFilters();
        return queries.count(criteria, CaseVisibility.of(viewer), clock.instant());
    }
}
