package dev.casekeeper.reports;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The coaching trend's own figures per period, through the reporting database: reviews by when they
 * were written, promises and holds from the facts' moments by their day (an index range per agent).
 */
@Component
class CoachingTrendQueries {

    private final ReportingDatabase database;

    CoachingTrendQueries(ReportingDatabase database) {
        this.database = database;
    }

    record Reviews(LocalDate period, long reviews, @Nullable Double averageScore) {}

    record Moments(LocalDate period, long promises, long promisesKept, long holds, long holdsWithinLimit) {}

    List<Reviews> reviews(UUID[] agents, LocalDate from, LocalDate to, Period period, ZoneId zone) {
        return database.reads()
                .sql("""
                        select %s as period, count(*) as n, round(avg(score), 1) as score
                        from reports.qa_review
                        where agent_id = any(:agents) and created_at >= :from and created_at < :until
                        group by 1""".formatted(period.bucket("(created_at at time zone :zone)::date")))
                .param("agents", agents)
                .param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("until", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .param("zone", zone.getId())
                .query((rs, n) ->
                        new Reviews(rs.getObject("period", LocalDate.class), rs.getLong("n"), rs.getDouble("score")))
                .list();
    }

    List<Moments> moments(UUID[] agents, LocalDate from, LocalDate to, Period period) {
        return database.reads()
                .sql("""
                        select %s as period,
                               count(*) filter (where kind = 'promise') as promises,
                               count(*) filter (where kind = 'promise' and coalesce(flag, false)) as kept,
                               count(*) filter (where kind = 'hold') as holds,
                               count(*) filter (where kind = 'hold' and not coalesce(flag, false)) as in_limit
                        from reports.case_moment
                        where agent_id = any(:agents) and kind in ('hold', 'promise') and day between :from and :to
                        group by 1""".formatted(period.bucket("day")))
                .param("agents", agents)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Moments(
                        rs.getObject("period", LocalDate.class),
                        rs.getLong("promises"),
                        rs.getLong("kept"),
                        rs.getLong("holds"),
                        rs.getLong("in_limit")))
                .list();
    }
}
