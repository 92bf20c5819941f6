package dev.casekeeper.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the facts into figures per period and in total, through the reporting database. Five grouped queries,
 * each an index range scan over the report's days: cases by the day they were created, by the day
 * they were solved, timeline moments by their day (and heated cases, moments of one kind, for their
 * percentiles), live contacts by the day they arrived. The same five give the figures per value of a
 * custom field, grouped by the value each case's row holds.
 *
 * <p>Whether a case was a repeat contact or missed its target is read from the case's own row (its
 * requester's previous case's creation, whether each target was breached), which the fact writer keeps
 * up to date: joined at read time, once per case or once for the slice, a 12-month report of a
 * 1M-case desk took 3 to 5 s for its first statement alone.
 */
@Component
class ReportQueries {

    private final ReportingDatabase database;
    private final int repeatDays;

    ReportQueries(ReportingDatabase database, ReportsSettings settings) {
        this.database = database;
        this.repeatDays = settings.repeatDays();
    }

    /** Runs the reads of one report together, in one read-only transaction with the reports' {@code work_mem}. */
    <T> T read(java.util.function.Supplier<T> reads) {
        return database.read(reads);
    }

    /** A report's rows, one per period, oldest first, empty periods included; and its total. */
    record Periods(List<Metrics> rows, Metrics total) {}

    /** One row per period of the query and the whole report in one, each grouped query read once for both. */
    Periods byPeriodAndTotal(ReportQuery query) {
        var found = figures(query, Grouping.PERIODS_AND_TOTAL);
        var rows = new ArrayList<Metrics>();
        for (var start = query.period().start(query.from());
                !start.isAfter(query.to());
                start = query.period().next(start)) {
            rows.add(found.getOrDefault(start, new Builder()).build(start));
        }
        return new Periods(rows, found.getOrDefault(null, new Builder()).build(null));
    }

    /**
     * The whole report once per value of the query's {@code byField} that its cases hold now, by the
     * value as stored in text ({@code true}/{@code false} for a checkbox); null for the cases without one.
     */
    Map<@Nullable String, Metrics> byFieldValue(ReportQuery query) {
        var found = new LinkedHashMap<@Nullable String, Metrics>();
        figures(query, Grouping.FIELD).forEach((value, b) -> found.put((String) value, b.build(null)));
        return found;
    }

    /** The figures of a slice without any case, contact or moment. */
    static Metrics empty() {
        return new Builder().build(null);
    }

    /**
     * What the rows of a query stand for: each period and the whole report (its row has no period:
     * grouping sets give both from one pass over the facts), or a value of a custom field (read from
     * the case's own facts: the moments and contacts of a case join its row for it).
     */
    private enum Grouping {
        PERIODS_AND_TOTAL,
        FIELD;

        String bucket(ReportQuery query, String alias, String dayColumn) {
            return switch (this) {
                case PERIODS_AND_TOTAL -> query.period().bucket(alias + "." + dayColumn);
                case FIELD -> (alias.equals("f") ? "f" : "g") + ".custom_fields ->> :byField";
            };
        }

        /** The group by of a query whose first {@code columns} output columns are the bucket and its keys. */
        String groupBy(int columns) {
            var all = new java.util.StringJoiner(", ");
            var keys = new java.util.StringJoiner(", ");
            for (int i = 1; i <= columns; i++) {
                all.add(Integer.toString(i));
                if (i > 1) {
                    keys.add(Integer.toString(i));
                }
            }
            return this == PERIODS_AND_TOTAL ? "grouping sets ((" + all + "), (" + keys + "))" : all.toString();
        }

        String join(String alias) {
            return this == FIELD && !alias.equals("f")
                    ? " left join reports.case_fact g on g.case_id = " + alias + ".case_id"
                    : "";
        }

        JdbcClient.StatementSpec params(ReportQuery query, JdbcClient.StatementSpec spec) {
            return this == FIELD ? spec.param("byField", query.byField()) : spec;
        }

        @Nullable
        Object key(ResultSet rs) throws SQLException {
            return this == FIELD ? rs.getString("bucket") : date(rs);
        }
    }

    private Map<@Nullable Object, Builder> figures(ReportQuery query, Grouping grouping) {
        var rows = new HashMap<@Nullable Object, Builder>();
        var jdbc = database.reads();
        String created = grouping.bucket(query, "f", "created_day");
        var filter = new Filter(query, "f");
        grouping.params(query, filter.params(jdbc.sql("""
                        select %s as bucket, count(*) as created,
                            percentile_cont(array[0.5, 0.9]) within group (order by f.first_response_secs) as frt,
                            percentile_cont(array[0.5, 0.9]) within group (order by f.first_response_business_secs) as frtb,
                            coalesce(sum(f.transfers), 0) as transfers,
                            count(*) filter (where f.transfers > 1) as transferred_twice,
                            count(f.first_frustration) as frustration_scored,
                            avg(f.first_frustration) as frustration_first,
                            avg(f.last_frustration) as frustration_last,
                            count(*) filter (where f.last_frustration < f.first_frustration) as ended_calmer,
                            count(*) filter (where f.last_frustration > f.first_frustration) as ended_angrier,
                            count(*) filter (where f.previous_created_at
                                >= f.created_at - make_interval(days => :repeatDays)) as repeats,
                            count(*) filter (where f.first_response_secs is not null
                                and not f.first_response_breached) as frt_met
                        from reports.case_fact f
                        where f.created_day between :from and :to %s
                        group by %s
                        """.formatted(created, filter.where(), grouping.groupBy(1)))))
                .param("repeatDays", repeatDays)
                .query((rs, n) -> {
                    var b = rows.computeIfAbsent(grouping.key(rs), d -> new Builder());
                    b.created = rs.getLong("created");
                    var frt = medianAndP90(rs, "frt");
                    b.frt50 = frt[0];
                    b.frt90 = frt[1];
                    var frtb = medianAndP90(rs, "frtb");
                    b.frtb50 = frtb[0];
                    b.frtb90 = frtb[1];
                    b.transfers = rs.getLong("transfers");
                    b.transferredTwice = rs.getLong("transferred_twice");
                    b.frustrationScored = rs.getLong("frustration_scored");
                    b.frustrationFirst = number(rs, "frustration_first");
                    b.frustrationLast = number(rs, "frustration_last");
                    b.endedCalmer = rs.getLong("ended_calmer");
                    b.endedAngrier = rs.getLong("ended_angrier");
                    b.repeats = rs.getLong("repeats");
                    b.frtMet = rs.getLong("frt_met");
                    return b;
                })
                .list();
        String solved = grouping.bucket(query, "f", "solved_day");
        grouping.params(query, filter.params(jdbc.sql("""
                        select %s as bucket, count(*) as solved,
                            percentile_cont(array[0.5, 0.9]) within group (order by f.resolution_secs) as res,
                            percentile_cont(array[0.5, 0.9]) within group (order by f.resolution_business_secs) as resb,
                            count(*) filter (where not f.resolution_breached) as res_met
                        from reports.case_fact f
                        where f.solved_day between :from and :to %s
                        group by %s
                        """.formatted(solved, filter.where(), grouping.groupBy(1)))))
                .query((rs, n) -> {
                    var b = rows.computeIfAbsent(grouping.key(rs), d -> new Builder());
                    b.solved = rs.getLong("solved");
                    var res = medianAndP90(rs, "res");
                    b.res50 = res[0];
                    b.res90 = res[1];
                    var resb = medianAndP90(rs, "resb");
                    b.resb50 = resb[0];
                    b.resb90 = resb[1];
                    b.resMet = rs.getLong("res_met");
                    return b;
                })
                .list();
        String momentDay = grouping.bucket(query, "m", "day");
        var moments = new Filter(query, "m");
        grouping.params(query, moments.params(jdbc.sql("""
                        select %s as bucket, m.kind, coalesce(m.label, '') as label, count(*) as n,
                            coalesce(sum(m.secs), 0) as secs, count(*) filter (where m.flag) as flagged
                        from reports.case_moment m%s
                        where m.day between :from and :to %s
                        group by %s
                        """.formatted(
                                momentDay, grouping.join("m"), moments.where(), grouping.groupBy(3)))))
                .query((rs, n) -> {
                    var b = rows.computeIfAbsent(grouping.key(rs), d -> new Builder());
                    b.moment(
                            rs.getString("kind"),
                            rs.getString("label"),
                            rs.getLong("n"),
                            rs.getLong("secs"),
                            rs.getLong("flagged"));
                    return b;
                })
                .list();
        var heated = new Filter(query, "m");
        grouping.params(query, heated.params(jdbc.sql("""
                        select %s as bucket, count(*) as heated,
                            count(*) filter (where not m.flag) as unjoined,
                            percentile_cont(array[0.5, 0.9]) within group (order by m.secs) as joined
                        from reports.case_moment m%s
                        where m.kind = 'heated' and m.day between :from and :to %s
                        group by %s
                        """.formatted(
                                momentDay, grouping.join("m"), heated.where(), grouping.groupBy(1)))))
                .query((rs, n) -> {
                    var b = rows.computeIfAbsent(grouping.key(rs), d -> new Builder());
                    b.heated = rs.getLong("heated");
                    b.heatedUnjoined = rs.getLong("unjoined");
                    var joined = medianAndP90(rs, "joined");
                    b.join50 = joined[0];
                    b.join90 = joined[1];
                    return b;
                })
                .list();
        String contactDay = grouping.bucket(query, "c", "day");
        var contacts = new Filter(query, "c").withoutPriority();
        grouping.params(query, contacts.params(jdbc.sql("""
                        select %s as bucket,
                            count(*) filter (where c.outcome = 'accepted') as accepted,
                            count(*) filter (where c.outcome = 'abandoned') as abandoned,
                            percentile_cont(array[0.5, 0.9]) within group (order by c.handle_secs) as handle,
                            percentile_cont(0.5) within group (order by c.waited_secs)
                                filter (where c.outcome = 'abandoned') as abandoned_wait50
                        from reports.contact_fact c%s
                        where c.day between :from and :to %s
                        group by %s
                        """.formatted(
                                contactDay, grouping.join("c"), contacts.where(), grouping.groupBy(1)))))
                .query((rs, n) -> {
                    var b = rows.computeIfAbsent(grouping.key(rs), d -> new Builder());
                    b.contacts = rs.getLong("accepted");
                    b.abandoned = rs.getLong("abandoned");
                    var handle = medianAndP90(rs, "handle");
                    b.handle50 = handle[0];
                    b.handle90 = handle[1];
                    b.abandonedWait50 = number(rs, "abandoned_wait50");
                    return b;
                })
                .list();
        return rows;
    }

    private static @Nullable LocalDate date(ResultSet rs) throws SQLException {
        var d = rs.getDate("bucket");
        return d == null ? null : d.toLocalDate();
    }

    /**
     * The median and the 90th percentile of one column, asked as one {@code percentile_cont} over an
     * array of fractions: PostgreSQL then sorts the group's values once for both, not once each
     * (the sorts are most of a year report's time: 336,000 cases, each sorted twice by month and
     * total).
     */
    private static @Nullable Double[] medianAndP90(ResultSet rs, String column) throws SQLException {
        var array = rs.getArray(column);
        if (array == null) {
            return new Double[2];
        }
        var values = (Double[]) array.getArray();
        return new @Nullable Double[] {values[0], values[1]};
    }

    private static @Nullable Double number(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /** The query's filters as SQL on a table alias, with their parameters. */
    private static final class Filter {
        private final ReportQuery query;
        private final String alias;
        private boolean priority = true;

        Filter(ReportQuery query, String alias) {
            this.query = query;
            this.alias = alias;
        }

        Filter withoutPriority() {
            priority = false;
            return this;
        }

        String where() {
            var sql = new StringBuilder();
            if (query.teams() != null) {
                sql.append(" and ").append(alias).append(".team_id = any(:teams)");
            }
            if (query.agent() != null) {
                sql.append(" and ").append(alias).append(".agent_id = :agent");
            }
            if (query.channel() != null) {
                sql.append(" and ").append(alias).append(".channel = :channel");
            }
            if (priority && query.priority() != null) {
                sql.append(" and ").append(alias).append(".priority = :priority");
            }
            if (query.tag() != null) {
                sql.append(
                        alias.equals("f")
                                ? " and :tag = any(f.tags)"
                                : " and exists (select 1 from reports.case_fact t where t.case_id = " + alias
                                        + ".case_id and :tag = any(t.tags))");
            }
            if (query.field() != null) {
                // Containment, as the case list filters by a field: a multi-select holding the option matches.
                sql.append(
                        alias.equals("f")
                                ? " and f.custom_fields @> cast(:fieldValue as jsonb)"
                                : " and exists (select 1 from reports.case_fact v where v.case_id = " + alias
                                        + ".case_id and v.custom_fields @> cast(:fieldValue as jsonb))");
            }
            return sql.toString();
        }

        JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec) {
            spec = spec.param("from", query.from()).param("to", query.to());
            if (query.teams() != null) {
                spec = spec.param("teams", query.teams().toArray(new java.util.UUID[0]));
            }
            if (query.agent() != null) {
                spec = spec.param("agent", query.agent());
            }
            if (query.channel() != null) {
                spec = spec.param("channel", query.channel());
            }
            if (priority && query.priority() != null) {
                spec = spec.param("priority", query.priority());
            }
            if (query.tag() != null) {
                spec = spec.param("tag", query.tag());
            }
            if (query.field() != null) {
                spec = spec.param("fieldValue", query.field().contained());
            }
            return spec;
        }
    }

    /** A period's figures as the five queries find them. */
    private static final class Builder {
        long created, solved, transfers, transferredTwice, frtMet, resMet, contacts, abandoned, repeats;
        long frustrationScored, endedCalmer, endedAngrier, heated, heatedUnjoined;
        @Nullable
        Double frt50, frt90, frtb50, frtb90, res50, res90, resb50, resb90, handle50, handle90, abandonedWait50;
        @Nullable
        Double frustrationFirst, frustrationLast, join50, join90;
        final Map<String, long[]> moments = new LinkedHashMap<>();

        void moment(String kind, String label, long n, long secs, long flagged) {
            moments.put(kind + ":" + label, new long[] {n, secs, flagged});
            moments.merge(
                    kind, new long[] {n, secs, flagged}, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
        }

        private long[] of(String key) {
            return Objects.requireNonNullElse(moments.get(key), new long[3]);
        }

        Metrics build(@Nullable LocalDate period) {
            var hold = of("hold");
            var promise = of("promise");
            var callback = of("callback");
            return new Metrics(
                    period,
                    created,
                    solved,
                    of("reopened")[0],
                    frt50,
                    frt90,
                    res50,
                    res90,
                    frtb50,
                    frtb90,
                    resb50,
                    resb90,
                    transfers,
                    transferredTwice,
                    contacts,
                    handle50,
                    handle90,
                    hold[0],
                    hold[1],
                    hold[2],
                    abandoned,
                    abandonedWait50,
                    frtMet,
                    of("sla_breached:first_response")[0],
                    of("sla_breached:next_response")[0],
                    resMet,
                    of("sla_breached:resolution")[0],
                    promise[0],
                    promise[2],
                    callback[0],
                    callback[2],
                    of("rating:good")[0],
                    of("rating:okay")[0],
                    of("rating:bad")[0],
                    of("compliment")[0],
                    of("complaint")[0],
                    repeats,
                    frustrationScored,
                    frustrationFirst,
                    frustrationLast,
                    endedCalmer,
                    endedAngrier,
                    heated,
                    join50,
                    join90,
                    heatedUnjoined);
        }
    }
}
