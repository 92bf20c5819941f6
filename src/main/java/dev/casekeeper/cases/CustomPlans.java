package dev.casekeeper.cases;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Has the rest of a transaction's statements planned for the values they are given, never from a
 * plan cached for other values. A list's statements are the same text whatever the words, filters
 * or viewer, but the values decide the plan: after a few executions PostgreSQL may keep a generic
 * plan, and the generic plan of a search reads the words' GIN index whatever they are, which for a
 * common word is a bitmap of a third of a 1M-case desk (130 ms, where the plan made for that word
 * walks a few pages in 4 ms). Planning each of a list's few statements costs a few milliseconds.
 *
 * <p>And each statement runs in the one server process: a list reads a page, and the parallel
 * workers PostgreSQL starts when it overestimates the rows of a word's index (18,561 estimated, none
 * found) cost more to start than the page costs to read (a search of the timeline for a word nobody
 * wrote: 72 ms with two workers on a busy 2-core machine, 4 ms without).
 */
@Component
class CustomPlans {

    private final JdbcClient jdbc;

    CustomPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For the current transaction only; outside one it would end with the statement. */
    void forThisTransaction() {
        jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true),"
                        + " set_config('max_parallel_workers_per_gather', '0', true)")
                .query()
                .listOfRows();
    }

    /**
     * As {@link #forThisTransaction()}, for a list of filters without words (a saved view), whose
     * statements are also planned as if a page read at random cost little more than one read in
     * order: the desk's hot cases and their indexes are in memory. At PostgreSQL's default (four
     * times the cost) the capped count of three filters matching 4,565 of 1M cases read the table
     * from its start and found the first 1,001 after 298,000 rows (206 ms), where walking the open
     * cases' index finds them after 20,000 (19 ms). Lists with words keep the default: there it
     * would trade a scan that stops at the cap for the whole bitmap of a common word's index.
     */
    void forFilters() {
        jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true),"
                        + " set_config('max_parallel_workers_per_gather', '0', true),"
                        + " set_config('random_page_cost', '1.1', true)")
                .query()
                .listOfRows();
    }
}
