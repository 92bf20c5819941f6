package dev.casekeeper.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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

    Found search(CaseSearch search, CaseQueries.Visibility visibility, Set<UUID> matchingCustomers, Instant now) {
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
        if (search.q() != null && !search.q().isBlank()) {
            text(where, search.q().strip(), matchingCustomers);
        }
        String sql = "select c.*, count(*) over () as total from cases.support_case c where " + where.sql()
                + " order by " + order(search.sort(), search.ascending()) + ", c.id"
                + " limit :limit offset :offset";
        where.param("limit", search.size()).param("offset", (long) search.page() * search.size());
        var total = new long[] {0};
        var cases = jdbc.sql(sql)
                .params(where.params())
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return CaseQueries.aggregate(rs);
                })
                .list();
        if (cases.isEmpty() && search.page() > 0) {
            // Past the last page (the list shrank): count what there is, so the pager can lead back.
            var count = new Where(new StringBuilder(where.sql()), new HashMap<>(where.params()));
            count.params().remove("limit");
            count.params().remove("offset");
            total[0] = jdbc.sql("select count(*) from cases.support_case c where " + count.sql())
                    .params(count.params())
                    .query(Long.class)
                    .single();
        }
        return new Found(cases, total[0]);
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
        var where = new Where(new StringBuilder("true"), new HashMap<>());
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

    /**
     * The number; words of the subject, messages and notes (full text); part of the subject; or the
     * requester, found by name or email in {@code customers}.
     */
    private static void text(Where where, String q, Set<UUID> matchingCustomers) {
        var any = new ArrayList<String>();
        any.add("c.search @@ websearch_to_tsquery('english', :q)");
        any.add("c.subject ilike :like escape '\\'");
        any.add("exists (select 1 from cases.timeline_entry t where t.case_id = c.id and t.kind <> 'event'"
                + " and t.search @@ websearch_to_tsquery('english', :q))");
        where.param("q", q)
                .param("like", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        if (!matchingCustomers.isEmpty()) {
            any.add("c.requester_id in (:customers)");
            where.param("customers", matchingCustomers);
        }
        String digits = q.startsWith("#") ? q.substring(1) : q;
        if (digits.matches("\\d{1,18}")) {
            any.add("c.number = :number");
            where.param("number", Long.parseLong(digits));
        }
        where.and("(" + String.join(" or ", any) + ")");
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
