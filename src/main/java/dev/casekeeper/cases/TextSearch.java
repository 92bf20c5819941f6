package dev.casekeeper.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a search text finds, as SQL: the case number, words of the subject or of any message or note
 * (full text, stemmed in the case's language, accents folded), part of the subject, a tag, or the requester (customers found by name,
 * email or phone). Each way is a branch that one index answers on its own, so a search never
 * walks the whole desk to find a rare word: an OR of these conditions with an {@code EXISTS} over
 * the timeline rules out every index plan, and is used only where the matches are known to be many
 * (then walking the recency index finds a page of them within a few rows).
 */
final class TextSearch {

    /** Below this many characters the trigram index cannot answer a "part of the subject" search. */
    private static final int MIN_PART_LENGTH = 3;

    /**
     * The words as each case language reads them, any of which may match: a case's words are
     * indexed in its own language's configuration (cases V14), which the search does not know.
     */
    private static final String QUERY = "(websearch_to_tsquery('cases.english', :q)"
            + " || websearch_to_tsquery('cases.german', :q) || websearch_to_tsquery('cases.spanish', :q)"
            + " || websearch_to_tsquery('cases.simple', :q))";

    private final String q;
    private final Set<UUID> customers;
    private final @Nullable Long number;
    private final @Nullable String tag;

    TextSearch(String q, Set<UUID> customers) {
        this.q = q;
        this.customers = customers;
        String digits = q.startsWith("#") ? q.substring(1) : q;
        this.number = digits.matches("\\d{1,18}") ? Long.parseLong(digits) : null;
        this.tag = q.matches("[\\p{L}\\p{N}_.-]{1,50}") ? q.toLowerCase(Locale.ROOT) : null;
    }

    /**
     * One way to find cases: rows of {@code cases.support_case c} (and maybe more) meeting a condition;
     * {@code entries} when its rows are timeline entries (a case may come once per entry).
     */
    record Branch(String from, String condition, boolean entries) {

        Branch(String from, String condition) {
            this(from, condition, false);
        }
    }

    /**
     * Each branch reads one index; together they find exactly what {@link #anyOf()} finds. The
     * narrowest come first (a number, a tag, the requester), part of the subject last: its trigram
     * index is the least selective.
     */
    List<Branch> branches() {
        var branches = new ArrayList<Branch>();
        if (number != null) {
            branches.add(new Branch("cases.support_case c", "c.number = :number"));
        }
        if (tag != null) {
            branches.add(new Branch("cases.support_case c", "c.tags @> array[cast(:qtag as text)]"));
        }
        if (!customers.isEmpty()) {
            branches.add(new Branch("cases.support_case c", "c.requester_id in (:customers)"));
        }
        branches.add(new Branch("cases.support_case c", "c.search @@ " + QUERY));
        // Each matching entry's case by its key, one at a time (OFFSET 0 keeps the join from being
        // planned any other way): as a plain join, an agent's search hashed every case their teams
        // may see (103,200 at 1M, about 1 s) to keep the one entry a rare word matched.
        branches.add(new Branch(
                "cases.timeline_entry t cross join lateral"
                        + " (select * from cases.support_case c where c.id = t.case_id offset 0) c",
                "t.kind <> 'event' and t.search @@ " + QUERY,
                true));
        if (q.length() >= MIN_PART_LENGTH) {
            branches.add(new Branch("cases.support_case c", "c.subject ilike :like escape '\\'"));
        }
        return branches;
    }

    /**
     * The two conditions whose matches can be a large part of the desk, as {@code from} and
     * {@code condition}: the words in subjects ({@code c}) and in messages and notes ({@code t}).
     */
    List<Branch> wordBranches() {
        return List.of(new Branch("cases.support_case c", "c.search @@ " + QUERY), inTimeline());
    }

    /** Messages and notes with the words, as rows of {@code cases.timeline_entry t}. */
    Branch inTimeline() {
        return new Branch("cases.timeline_entry t", "t.kind <> 'event' and t.search @@ " + QUERY, true);
    }

    /** All branches as one condition on {@code c}: for walking an index in order when matches are many. */
    String anyOf() {
        var any = new ArrayList<String>();
        any.add("c.search @@ " + QUERY);
        if (q.length() >= MIN_PART_LENGTH) {
            any.add("c.subject ilike :like escape '\\'");
        }
        // A scalar subquery, not EXISTS: the planner turns an EXISTS inside an OR into a hashed subplan
        // that finds every matching entry of the desk before the first row (124,000 for two common
        // words at 100k cases, 0.6 s); this is asked case by case, for the few cases the walk reads.
        any.add("coalesce((select true from cases.timeline_entry t where t.case_id = c.id and t.kind <> 'event'"
                + " and t.search @@ " + QUERY + " limit 1), false)");
        if (!customers.isEmpty()) {
            any.add("c.requester_id in (:customers)");
        }
        if (number != null) {
            any.add("c.number = :number");
        }
        if (tag != null) {
            any.add("c.tags @> array[cast(:qtag as text)]");
        }
        return "(" + String.join(" or ", any) + ")";
    }

    /**
     * For each of these cases whose messages or notes the words match: the best matching one's words
     * around the match, as {@code case_id} and {@code headline} (matches between {@link Snippet#START}
     * and {@link Snippet#STOP}). Asked for the page's few cases only.
     */
    String snippets() {
        return "select distinct on (t.case_id) t.case_id, ts_headline(cases.search_config(t.language), t.body_text, "
                + QUERY
                + ", 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=8, MaxFragments=1')"
                + " as headline from cases.timeline_entry t"
                + " where t.case_id in (:page) and t.kind <> 'event' and t.search @@ " + QUERY
                + " order by t.case_id, ts_rank(t.search, " + QUERY + ") desc, t.position desc";
    }

    /**
     * How well the case {@code c} matches, for ranking the few matches a search collected: the
     * number or a tag named exactly first, then the requester, then the words' weight in the subject
     * (twice a message's) and in its best matching message or note; part of the subject adds a little.
     * Asked only of collected ids, never of the whole desk.
     */
    String relevance() {
        var terms = new ArrayList<String>();
        if (number != null) {
            terms.add("case when c.number = :number then 8 else 0 end");
        }
        if (tag != null) {
            terms.add("case when c.tags @> array[cast(:qtag as text)] then 2 else 0 end");
        }
        if (!customers.isEmpty()) {
            terms.add("case when c.requester_id in (:customers) then 4 else 0 end");
        }
        terms.add("2 * ts_rank(c.search, " + QUERY + ")");
        terms.add("coalesce((select max(ts_rank(t.search, " + QUERY + ")) from cases.timeline_entry t"
                + " where t.case_id = c.id and t.kind <> 'event' and t.search @@ " + QUERY + "), 0)");
        if (q.length() >= MIN_PART_LENGTH) {
            terms.add("case when c.subject ilike :like escape '\\' then 0.05 else 0 end");
        }
        return "cast(" + String.join(" + ", terms) + " as double precision)";
    }

    /**
     * A search whose matches were collected: their ids when they are few, or none when they are many
     * (then the text's conditions are walked in the list's order).
     */
    record Found(TextSearch text, @Nullable Set<UUID> ids) {

        /** A condition on {@code c} for the matches, its parameters put into {@code params}. */
        String condition(java.util.Map<String, Object> params) {
            if (ids == null) {
                text.bind(params);
                return text.anyOf();
            }
            if (ids.isEmpty()) {
                return "false";
            }
            params.put("foundIds", ids.toArray(UUID[]::new));
            return "c.id = any(:foundIds)";
        }
    }

    /** The parameters the branches and {@link #anyOf()} name. */
    void bind(java.util.Map<String, Object> params) {
        params.put("q", q);
        params.put("like", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        if (!customers.isEmpty()) {
            params.put("customers", customers);
        }
        if (number != null) {
            params.put("number", number);
        }
        if (tag != null) {
            params.put("qtag", tag);
        }
    }
}
