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
    }

    record Found(List<Case> cases, long total) {}

    /**
     * A page of a view, filtered and searched. The total is exact up to {@link CasePage#COUNT_CAP}
     * and {@code COUNT_CAP + 1} beyond it: counting every match of a common word over the whole desk
     * would cost more than the page. A search collects the matching ids through its indexes, branch
     * by branch; when they are few, the page is looked up by key; when they are many, the page is
     * found by walking the order's index until it is full.
     */
    Found search(CaseSearch search, CaseQueries.Visibility visibility, Set<UUID> matchingCustomers, Instant now) {
        var where = filters(search, visibility, now);
        String order = " order by " + order(search.sort(), search.ascending()) + ", c.id";
        long offset = (long) search.page() * search.size();
        if (search.q() == null || search.q().isBlank()) {
            long total = count(where);
            return new Found(page(where, order, search.size(), offset), total);
        }
        var text = new TextSearch(search.q().strip(), matchingCustomers);
        text.bind(where.params());
        var ids = collect(text, where);
        if (ids == null) {
            return new Found(page(where.and(text.anyOf()), order, search.size(), offset), CasePage.COUNT_CAP + 1);
        }
        if (ids.isEmpty()) {
            return new Found(List.of(), 0);
        }
        var byKey = new Where(new StringBuilder("c.id in (:ids)"), new HashMap<>(Map.of("ids", ids)));
        return new Found(page(byKey, order, search.size(), offset), ids.size());
    }

    /**
     * The ids of the visible cases the text finds, each branch through its own index and stopping
     * past the cap; or null when they are more than {@link CasePage#COUNT_CAP}. The branches run one
     * by one, the narrowest first, and the first to pass the cap ends the collection: a common
     * word's later branches would only confirm that the matches are many. (A case with several
     * matching entries comes once per entry from the timeline's branch; should that alone pass the
     * cap, the matches are taken as many: the page is still right, the total says "1,000+".)
     */
    private @Nullable Set<UUID> collect(TextSearch text, Where where) {
        var params = new HashMap<>(where.params());
        params.put("cap", CasePage.COUNT_CAP + 1);
        var ids = new LinkedHashSet<UUID>();
        for (var branch : text.branches()) {
            var found = jdbc.sql("select c.id from " + branch.from() + " where " + branch.condition() + " and "
                            + where.sql() + " limit :cap")
                    .params(params)
                    .query(UUID.class)
                    .list();
            ids.addAll(found);
            if (found.size() > CasePage.COUNT_CAP || ids.size() > CasePage.COUNT_CAP) {
                return null;
            }
        }
        return ids;
    }

    /** How many cases meet the conditions, counted up to one past the cap. */
    private long count(Where where) {
        var params = new HashMap<>(where.params());
        params.put("cap", CasePage.COUNT_CAP + 1);
        return jdbc.sql("select count(*) from (select 1 from cases.support_case c where " + where.sql()
                        + " limit :cap) capped")
                .params(params)
                .query(Long.class)
                .single();
    }

    private List<Case> page(Where where, String order, int size, long offset) {
        var params = new HashMap<>(where.params());
        params.put("limit", size);
        params.put("offset", offset);
        return jdbc.sql("select " + CaseQueries.COLUMNS + " from cases.support_case c where " + where.sql() + order
                        + " limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> CaseQueries.aggregate(rs))
                .list();
    }

    /** The viewer's visibility, the view and the filters that are set, as one where clause on {@code c}. */
    private static Where filters(CaseSearch search, CaseQueries.Visibility visibility, Instant now) {
        var where = visible(visibility);
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
        return where;
    }

    /**
     * What the text finds among the cases the viewer may see, for a list that pages by its own
     * cursor (the API): the ids when they are few, or the conditions to walk when they are many.
     */
    TextSearch.Found text(String q, CaseQueries.Visibility visibility, Set<UUID> matchingCustomers) {
        var text = new TextSearch(q, matchingCustomers);
        var where = visible(visibility);
        text.bind(where.params());
        return new TextSearch.Found(text, collect(text, where));
    }

    /** How many cases each standing view holds for this viewer, in one pass ({@link CaseView#ALL} is not counted). */
    Map<CaseView, Long> counts(CaseQueries.Visibility visibility, Instant now) {
        var where = visible(visibility);
        where.and("(" + UNSOLVED + " or c.solved_at >= :solvedSince)")
                .param("solvedSince", Timestamp.from(solvedSince(now)))
                .param("me", visibility.agentId());
        String myTeams = visibility.teamIds().isEmpty() ? "false" : "c.team_id in (:myTeams)";
        if (!visibility.teamIds().isEmpty()) {
            where.param("myTeams", visibility.teamIds());
        }
        String sql = "select"
                + " count(*) filter (where c.owner_id = :me and " + UNSOLVED + ") as mine,"
                + " count(*) filter (where c.owner_id is null and " + UNSOLVED + ") as unassigned,"
                + " count(*) filter (where " + myTeams + " and " + UNSOLVED + ") as team,"
                + " count(*) filter (where " + UNSOLVED + ") as open,"
                + " count(*) filter (where c.status = 'pending') as pending,"
                + " count(*) filter (where c.status = 'on_hold') as on_hold,"
                + " count(*) filter (where c.status in ('solved', 'closed') and c.solved_at >= :solvedSince) as solved"
                + " from cases.support_case c where " + where.sql();
        return jdbc.sql(sql)
                .params(where.params())
                .query((rs, n) -> {
                    var counts = new EnumMap<CaseView, Long>(CaseView.class);
                    counts.put(CaseView.MINE, rs.getLong("mine"));
                    counts.put(CaseView.UNASSIGNED, rs.getLong("unassigned"));
                    counts.put(CaseView.MY_TEAMS, rs.getLong("team"));
                    counts.put(CaseView.ALL_OPEN, rs.getLong("open"));
                    counts.put(CaseView.PENDING, rs.getLong("pending"));
                    counts.put(CaseView.ON_HOLD, rs.getLong("on_hold"));
                    counts.put(CaseView.RECENTLY_SOLVED, rs.getLong("solved"));
                    return (Map<CaseView, Long>) counts;
                })
                .single();
    }

    /** The same rule as {@link CaseManagement}: everything, or own teams', team-less and owned cases. */
    private static Where visible(CaseQueries.Visibility visibility) {
        // Spam and deleted cases leave every view, count and search.
        var where = new Where(new StringBuilder("c.removed_at is null"), new HashMap<>());
        if (!visibility.all()) {
            var clause = new StringBuilder("(c.team_id is null or c.owner_id = :viewer");
            where.param("viewer", visibility.agentId());
            if (!visibility.teamIds().isEmpty()) {
                clause.append(" or c.team_id in (:viewerTeams)");
                where.param("viewerTeams", visibility.teamIds());
            }
            where.and(clause.append(")").toString());
        }
        return where;
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

    private static String order(CaseSort sort, boolean ascending) {
        String direction = ascending ? "asc" : "desc";
        return switch (sort) {
            case UPDATED -> "c.updated_at " + direction;
            case CREATED -> "c.created_at " + direction;
            case NUMBER -> "c.number " + direction;
            case SUBJECT -> "lower(c.subject) " + direction;
            case STATUS ->
                "array_position(array['new', 'open', 'pending', 'on_hold', 'solved', 'closed'], c.status) " + direction;
            case PRIORITY ->
                "array_position(array['low', 'normal', 'high', 'urgent'], c.priority) " + direction
                        + ", c.updated_at desc";
            // A longer wait is an earlier start; nobody waiting counts as the shortest wait of all.
            case WAITING -> "coalesce(c.waiting_since, 'infinity') " + (ascending ? "desc" : "asc");
        };
    }

    private static Instant solvedSince(Instant now) {
        return now.minus(java.time.Duration.ofDays(CaseView.RECENTLY_SOLVED_DAYS));
    }
}
