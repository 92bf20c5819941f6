package dev.casekeeper.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the workspace lists: the views, their counts, filters, sorting and search. */
@Repository
class CaseSearchQueries {

    private static final String NOT_REMOVED = "c.removed_at is null";

    private static final String UNSOLVED = "c.status in ('new', 'open', 'pending', 'on_hold')";

    private final JdbcClient jdbc;

    CaseSearchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A search as SQL: the where clause and its parameters. */
    private record Where(StringBuilder sql, Map<String, Object> params) {

        Where and(String condition) {
            sql.append(" and ").append(condition);
            return this;
        }

        Where param(String name, Object value) {
            params.put(name, value);
            return this;
        }

        /** Whether this asks nothing of a case but that it was not removed. */
        boolean notRemovedOnly() {
            return sql.toString().equals(NOT_REMOVED);
        }
    }

    /** A page of cases, the total, where the page is and the cursors of its neighbours. */
    record Found(
            List<Case> cases,
            long total,
            int page,
            @Nullable String next,
            @Nullable String previous) {}

    /**
     * A page of a view, filtered and searched. The total is exact up to {@link CasePage#COUNT_CAP}
     * and {@code COUNT_CAP + 1} beyond it: counting every match of a common word over the whole desk
     * would cost more than the page. A search collects the matching ids through its indexes, branch
     * by branch; when they are few, the page is looked up by key; when they are many, the page is
     * found by walking the order's index until it is full. Pages continue from a cursor (the sort's
     * values of the last row seen), never by OFFSET.
     */
    Found search(CaseSearch search, CaseQueries.Visibility visibility, Set<UUID> matchingCustomers, Instant now) {
        var where = filters(search, visibility, now);
        // Relevance is ranked among counted matches only; otherwise the latest change comes first.
        var recency = search.sort() == CaseSort.RELEVANCE
                ? new Keyset(CaseSort.UPDATED, false)
                : new Keyset(search.sort(), search.ascending());
        if (search.q() == null || search.q().isBlank()) {
            return page(where, upToCap(where), recency, search);
        }
        var text = new TextSearch(search.q().strip(), matchingCustomers);
        text.bind(where.params());
        var ids = collect(text, narrowed(search, visibility, now), visibility);
        if (ids == null) {
            return page(CASES, where.and(text.anyOf()), recency, search, CasePage.COUNT_CAP + 1);
        }
        if (ids.isEmpty()) {
            return new Found(List.of(), 0, 0, null, null);
        }
        var byKey = byKey(where, ids);
        long total = Math.min(ids.size(), CasePage.COUNT_CAP + 1);
        if (search.sort() != CaseSort.RELEVANCE || ids.size() > CasePage.COUNT_CAP) {
            return page(CASES, byKey, recency, search, total);
        }
        // The ranked rows as a table of their own, so the rank is computed once a row and pages by it.
        String ranked = "(select c.*, " + text.relevance() + " as relevance"
                + " from cases.support_case c where c.id = any(:ids)) c";
        return page(ranked, byKey, new Keyset(CaseSort.RELEVANCE, false), search, ids.size());
    }

    private static final String CASES = "cases.support_case c";

    /**
     * A view's page, its matches counted up to one past the cap: when they are fewer, the page is
     * looked up among them by key. Walking the order's index for a page of a few matches reads
     * every case the view's conditions skip (an agent's Pending view, none of it theirs: every pending
     * case of the desk, 85 ms at 1M), where the count found them through the indexes.
     */
    private Found page(Where where, List<UUID> upToCap, Keyset keyset, CaseSearch search) {
        if (upToCap.size() > CasePage.COUNT_CAP) {
            return page(CASES, where, keyset, search, upToCap.size());
        }
        if (upToCap.isEmpty()) {
            return new Found(List.of(), 0, 0, null, null);
        }
        return page(CASES, byKey(where, upToCap), keyset, search, upToCap.size());
    }

    private static Where byKey(Where where, java.util.Collection<UUID> ids) {
        // One array, not a parameter an id: planning a list of 2,300 parameters cost 3 ms.
        var byKey = new Where(new StringBuilder("c.id = any(:ids)"), new HashMap<>(where.params()));
        return byKey.param("ids", ids.toArray(UUID[]::new));
    }

    /** One row of a page and the cursor that continues from it. */
    private record Row(Case kase, String cursor) {}

    /**
     * The page after or before the search's cursor, or from the top. A page before a cursor that
     * reaches the top is the first page, full, however many cases arrived since.
     */
    private Found page(String from, Where where, Keyset keyset, CaseSearch search, long total) {
        int size = search.size();
        var params = new HashMap<>(where.params());
        if (search.after() != null) {
            String after = keyset.condition(search.after(), true, params);
            if (after != null) {
                var rows = rows(from, keyset, where.sql() + " and " + after, true, params, size + 1, 0);
                var page = rows.subList(0, Math.min(size, rows.size()));
                return found(page, total, search.page(), rows.size() > size, !page.isEmpty());
            }
        } else if (search.before() != null) {
            String before = keyset.condition(search.before(), false, params);
            if (before != null) {
                var rows = rows(from, keyset, where.sql() + " and " + before, false, params, size + 1, 0);
                if (rows.size() > size) {
                    var page = rows.subList(0, size).reversed();
                    return found(page, total, Math.max(1, search.page()), true, true);
                }
                return page(from, where, keyset, withoutCursor(search), total);
            }
        }
        // No cursor (or one of another order): from the top, or an old link's page by offset.
        boolean cursorLess = search.after() == null && search.before() == null;
        long offset = cursorLess ? (long) search.page() * size : 0;
        var rows = rows(from, keyset, where.sql().toString(), true, params, size + 1, offset);
        var page = rows.subList(0, Math.min(size, rows.size()));
        return found(page, total, offset == 0 ? 0 : search.page(), rows.size() > size, offset > 0 && !page.isEmpty());
    }

    private static Found found(List<Row> page, long total, int index, boolean more, boolean earlier) {
        return new Found(
                page.stream().map(Row::kase).toList(),
                total,
                index,
                more ? page.getLast().cursor() : null,
                earlier ? page.getFirst().cursor() : null);
    }

    private static CaseSearch withoutCursor(CaseSearch search) {
        return new CaseSearch(
                search.view(),
                search.q(),
                search.status(),
                search.priority(),
                search.channel(),
                search.tag(),
                search.sort(),
                search.ascending(),
                0,
                search.size());
    }

    private List<Row> rows(
            String from,
            Keyset keyset,
            String where,
            boolean forward,
            Map<String, Object> params,
            int limit,
            long offset) {
        var all = new HashMap<>(params);
        all.put("limit", limit);
        all.put("offset", offset);
        return jdbc.sql("select " + CaseQueries.COLUMNS + ", " + keyset.columns() + " from " + from + " where "
                        + where + " order by " + (forward ? keyset.orderBy() : keyset.reverseOrderBy())
                        + " limit :limit offset :offset")
                .params(all)
                .query((rs, n) -> {
                    var kase = CaseQueries.aggregate(rs);
                    return new Row(kase, keyset.cursorOf(rs, kase.id));
                })
                .list();
    }

    /**
     * How many matching entries the timeline's branch collects before the matches are taken as many.
     * Above the count's cap on purpose: a word of a few thousand entries in a million cases is many
     * but sparse, and walking the recency index for a page of it asks the entries of about 500 cases
     * for each one found (12,122 cases for 26 at 1M, 0.4-0.7 s), where collecting its cases through
     * the entries' index and looking the page up by key takes a few milliseconds.
     */
    static final int ENTRIES_CAP = 5000;

    /**
     * The ids of the visible cases the text finds, each branch through its own index and stopping
     * past its cap ({@link CasePage#COUNT_CAP}, {@link #ENTRIES_CAP} for the entries); or null when a
     * branch passes its cap, or all together pass {@link #ENTRIES_CAP}: then the matches are many
     * and dense enough to find a page of them by walking. Words the planner's statistics already
     * count as frequent are taken as many without collecting ({@link #manyAsEstimated}). The branches
     * run one by one, the narrowest first, and the first to pass its cap ends the collection: a
     * common word's later branches would only confirm that the matches are many; and once the words
     * find more than {@link CasePage#COUNT_CAP} cases, part of the subject is not asked. (A case with
     * several matching entries comes once per entry from the timeline's branch.)
     */
    private @Nullable Set<UUID> collect(TextSearch text, Where narrowed, CaseQueries.Visibility visibility) {
        var params = new HashMap<>(narrowed.params());
        text.bind(params);
        String visible = visibility(visibility, params);
        if (manyAsEstimated(text, params)) {
            return null;
        }
        var ids = new LinkedHashSet<UUID>();
        for (var branch : text.branches()) {
            var found = find(text, branch, narrowed, visible, visibility, params);
            ids.addAll(found);
            if (found.size() > cap(branch) || ids.size() > ENTRIES_CAP) {
                return null;
            }
            if (branch.entries() && ids.size() > CasePage.COUNT_CAP) {
                // The words alone find more than a list counts: it shows the latest of them, "1,000+",
                // unranked. Part of the subject, the last branch, would only add cases whose subject
                // holds the text inside a longer word, and is not asked (a rare word's 2,099 entries
                // at 1M: the subject's trigrams cost 12 ms more than its words).
                return ids;
            }
        }
        return ids;
    }

    /**
     * Whether the planner's statistics already say the words are in many cases or entries: ten times
     * a branch's cap. Collecting a common word's matches only to learn that they are many costs its
     * whole bitmap (two common words for an agent of one team: 37,000 subjects, 90-140 ms at 1M),
     * where walking the recency index finds a page in a few milliseconds. The estimate costs a plan
     * (under a millisecond); a word the statistics do not list as frequent is estimated below the
     * bar (669 subjects, 18,561 entries at 1M), so rare words are still collected.
     */
    private boolean manyAsEstimated(TextSearch text, Map<String, Object> params) {
        for (var words : text.wordBranches()) {
            String plan = jdbc.sql("explain select 1 from " + words.from() + " where " + words.condition())
                    .params(params)
                    .query(String.class)
                    .list()
                    .getFirst();
            var rows = ESTIMATED_ROWS.matcher(plan);
            if (rows.find() && Long.parseLong(rows.group(1)) > 10L * (cap(words) + 1)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern ESTIMATED_ROWS = java.util.regex.Pattern.compile(" rows=(\\d+) ");

    private static int cap(TextSearch.Branch branch) {
        return branch.entries() ? ENTRIES_CAP : CasePage.COUNT_CAP;
    }

    /** A branch's visible matches, up to one past its cap. */
    private List<UUID> find(
            TextSearch text,
            TextSearch.Branch branch,
            Where narrowed,
            String visible,
            CaseQueries.Visibility visibility,
            Map<String, Object> shared) {
        var params = new HashMap<>(shared);
        params.put("cap", cap(branch) + 1);
        if (branch.entries() && visibility.all() && narrowed.notRemovedOnly()) {
            return casesOfEntries(text.inTimeline(), params);
        }
        String condition = branch.condition() + " and " + narrowed.sql() + " and " + visible;
        if (visibility.all() || branch.entries()) { // each entry's case is read by its key already
            return ids(branch.from(), condition, params);
        }
        var few = fewVisible(branch, narrowed, visible, params);
        return few != null ? few : ids(branch.from(), condition, params);
    }

    /**
     * The cases of the entries with the words, for a viewer who may see every case: only whether an
     * entry's case was removed is asked, of the few removed cases' own index (cases V18), not of each
     * entry's case row (a rare word's 2,099 entries at 1M: 4 ms, against 13 ms reading their cases).
     */
    private List<UUID> casesOfEntries(TextSearch.Branch entries, Map<String, Object> params) {
        return jdbc.sql("select t.case_id from " + entries.from() + " where " + entries.condition()
                        + " and not exists (select 1 from cases.support_case r where r.id = t.case_id"
                        + " and r.removed_at is not null) limit :cap")
                .params(params)
                .query(UUID.class)
                .list();
    }

    private List<UUID> ids(String from, String condition, Map<String, Object> params) {
        return jdbc.sql("select c.id from " + from + " where " + condition + " limit :cap")
                .params(params)
                .query(UUID.class)
                .list();
    }

    /**
     * The visible ones among a branch's matches when it has few on the whole desk, each asked whether
     * the viewer may see it; or null when they are many. Planned together with the visibility, an
     * agent's 30 matches of a rare word were intersected with a bitmap of every case the agent may see
     * (about 110,000 at 1M, 11 ms), where asking each of the desk's 239 costs 2 ms; for a common word,
     * that bitmap is the better plan (14 ms, against 64 for asking each).
     */
    private @Nullable List<UUID> fewVisible(
            TextSearch.Branch branch, Where narrowed, String visible, Map<String, Object> params) {
        var rows = jdbc.sql("select c.id, " + visible + " as visible from (select * from " + branch.from() + " where "
                        + branch.condition() + " and " + narrowed.sql() + " limit :cap) c")
                .params(params)
                .query((rs, n) -> rs.getBoolean("visible") ? rs.getObject("id", UUID.class) : null)
                .list();
        if (rows.size() >= (int) params.get("cap")) {
            return null;
        }
        return rows.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** What the text matched in the messages and notes of these cases (a page's), by case. */
    Map<UUID, Snippet> snippets(String q, List<UUID> page) {
        if (page.isEmpty()) {
            return Map.of();
        }
        var params = new HashMap<String, Object>();
        var text = new TextSearch(q, Set.of());
        text.bind(params);
        params.put("page", page);
        var snippets = new HashMap<UUID, Snippet>();
        jdbc.sql(text.snippets()).params(params).query(rs -> {
            String headline = rs.getString("headline");
            if (headline != null && !headline.isBlank()) {
                snippets.put(rs.getObject("case_id", UUID.class), Snippet.of(headline.strip()));
            }
        });
        return snippets;
    }

    /** The cases that meet the conditions, up to one past the cap. */
    private List<UUID> upToCap(Where where) {
        var params = new HashMap<>(where.params());
        params.put("cap", CasePage.COUNT_CAP + 1);
        return jdbc.sql("select c.id from cases.support_case c where " + where.sql() + " limit :cap")
                .params(params)
                .query(UUID.class)
                .list();
    }

    /** The viewer's visibility, the view and the filters that are set, as one where clause on {@code c}. */
    private static Where filters(CaseSearch search, CaseQueries.Visibility visibility, Instant now) {
        var where = visibleIn(search.view(), visibility);
        narrow(where, search, visibility, now);
        return where;
    }

    /** The view and the filters that are set, without the viewer's visibility. */
    private static Where narrowed(CaseSearch search, CaseQueries.Visibility visibility, Instant now) {
        var where = new Where(new StringBuilder(NOT_REMOVED), new HashMap<>());
        narrow(where, search, visibility, now);
        return where;
    }

    private static void narrow(Where where, CaseSearch search, CaseQueries.Visibility visibility, Instant now) {
        view(where, search.view(), visibility, now);
        if (search.status() != null) {
            where.and("c.status = :status").param("status", search.status().value());
        }
        if (search.priority() != null) {
            where.and("c.priority = :priority")
                    .param("priority", search.priority().value());
        }
        if (search.channel() != null) {
            where.and("c.channel = :channel").param("channel", search.channel().value());
        }
        if (search.tag() != null && !search.tag().isBlank()) {
            where.and("c.tags @> array[cast(:tag as text)]")
                    .param("tag", search.tag().strip().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * What the text finds among the cases the viewer may see, for a list that pages by its own
     * cursor (the API): the ids when they are few, or the conditions to walk when they are many.
     */
    TextSearch.Found text(String q, CaseQueries.Visibility visibility, Set<UUID> matchingCustomers) {
        var text = new TextSearch(q, matchingCustomers);
        var where = new Where(new StringBuilder(NOT_REMOVED), new HashMap<>());
        return new TextSearch.Found(text, collect(text, where, visibility));
    }

    private static final List<CaseView> COUNTED = List.of(
            CaseView.MINE,
            CaseView.UNASSIGNED,
            CaseView.MY_TEAMS,
            CaseView.ALL_OPEN,
            CaseView.PENDING,
            CaseView.ON_HOLD,
            CaseView.RECENTLY_SOLVED);

    /**
     * How many cases each standing view holds for this viewer ({@link CaseView#ALL} is not counted),
     * each up to one past {@link CasePage#COUNT_CAP}: a view's own index answers its count with a
     * limit, where one exact pass over every open case of a large desk read them all from the heap
     * on every page an admin opened.
     */
    Map<CaseView, Long> counts(CaseQueries.Visibility visibility, Instant now) {
        var params = new HashMap<String, Object>();
        params.put("cap", CasePage.COUNT_CAP + 1);
        var sql = new StringBuilder("select ");
        for (int i = 0; i < COUNTED.size(); i++) {
            var where = visibleIn(COUNTED.get(i), visibility);
            view(where, COUNTED.get(i), visibility, now);
            params.putAll(where.params());
            sql.append(i == 0 ? "" : ", ")
                    .append("(select count(*) from (select 1 from cases.support_case c where ")
                    .append(where.sql())
                    .append(" limit :cap) capped) as v")
                    .append(i);
        }
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> {
                    var counts = new EnumMap<CaseView, Long>(CaseView.class);
                    for (int i = 0; i < COUNTED.size(); i++) {
                        counts.put(COUNTED.get(i), rs.getLong("v" + i));
                    }
                    return (Map<CaseView, Long>) counts;
                })
                .single();
    }

    /** The same rule as {@link CaseManagement}: everything, or own teams', team-less and owned cases. */
    private static Where visible(CaseQueries.Visibility visibility) {
        // Spam and deleted cases leave every view, count and search.
        var where = new Where(new StringBuilder(NOT_REMOVED), new HashMap<>());
        return where.and(visibility(visibility, where.params()));
    }

    /**
     * {@link #visible} for a view's cases: the viewer's own cases and their teams' are theirs to see
     * by the rule itself, and asking it again of those views made PostgreSQL OR the bitmaps of every
     * case the viewer may see (an agent's My teams count: 15 ms, against 1 ms by its team's index).
     */
    private static Where visibleIn(CaseView view, CaseQueries.Visibility visibility) {
        return view == CaseView.MINE || view == CaseView.MY_TEAMS
                ? new Where(new StringBuilder(NOT_REMOVED), new HashMap<>())
                : visible(visibility);
    }

    /** Who may see {@code c} as one condition ({@code true} for everyone), its parameters put into {@code params}. */
    private static String visibility(CaseQueries.Visibility visibility, Map<String, Object> params) {
        if (visibility.all()) {
            return "true";
        }
        var clause = new StringBuilder("(c.team_id is null or c.owner_id = :viewer");
        params.put("viewer", visibility.agentId());
        if (!visibility.teamIds().isEmpty()) {
            clause.append(" or c.team_id in (:viewerTeams)");
            params.put("viewerTeams", visibility.teamIds());
        }
        return clause.append(")").toString();
    }

    private static void view(Where where, CaseView view, CaseQueries.Visibility visibility, Instant now) {
        switch (view) {
            case MINE -> where.and(UNSOLVED).and("c.owner_id = :me").param("me", visibility.agentId());
            case UNASSIGNED -> where.and(UNSOLVED).and("c.owner_id is null");
            case MY_TEAMS -> {
                where.and(UNSOLVED);
                if (visibility.teamIds().isEmpty()) {
                    where.and("false");
                } else {
                    where.and("c.team_id in (:myTeams)").param("myTeams", visibility.teamIds());
                }
            }
            case ALL_OPEN -> where.and(UNSOLVED);
            case PENDING -> where.and("c.status = 'pending'");
            case ON_HOLD -> where.and("c.status = 'on_hold'");
            case RECENTLY_SOLVED ->
                where.and("c.status in ('solved', 'closed') and c.solved_at >= :solvedSince")
                        .param("solvedSince", Timestamp.from(solvedSince(now)));
            case ALL -> {}
        }
    }

    private static Instant solvedSince(Instant now) {
        return now.minus(java.time.Duration.ofDays(CaseView.RECENTLY_SOLVED_DAYS));
    }
}
