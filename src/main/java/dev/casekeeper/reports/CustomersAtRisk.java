package dev.casekeeper.reports;

import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.shared.AccessDeniedException;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Customers with two or more signals of dissatisfaction in the last 90 days, ranked: most kinds of
 * signal first, then most signals, then the latest. The signals are those that reveal the customers
 * who do not complain (seed 002): a complaint, a bad rating, a case reopened, a promise broken, a
 * callback late, an SLA breach, a live contact abandoned, and a repeat contact (a new case within 7
 * days of another). Supervisors see their teams' customers, admins everyone's.
 */
@Component
class CustomersAtRisk {

    static final Duration WINDOW = Duration.ofDays(90);
    static final int LIMIT = 100;

    private final ReportingDatabase database;
    private final CustomerManagement customers;
    private final Clock clock;

    CustomersAtRisk(ReportingDatabase database, CustomerManagement customers, Clock clock) {
        this.database = database;
        this.customers = customers;
        this.clock = clock;
    }

    /** A customer at risk: how many signals, of which kinds, on which cases (numbers), and when the latest. */
    record AtRisk(UUID customerId, String name, int signals, List<String> reasons, List<Long> cases, Instant latest) {}

    List<AtRisk> list(SignedInAgent me) {
        if (me.role() == Role.AGENT) {
            throw new AccessDeniedException("Customers at risk are for supervisors and admins");
        }
        var teams =
                me.isAdmin() ? null : me.teamIds().stream().map(TeamId::value).toArray(UUID[]::new);
        String team = teams == null ? "" : " and f.team_id = any(:teams)";
        var spec = database.reads()
                .sql("""
                        with signals as (
                            select f.requester_id, f.number, case when m.kind = 'rating' then 'bad_rating'
                                when m.kind = 'promise' then 'promise_broken'
                                when m.kind = 'callback' then 'callback_late' else m.kind end as signal, m.at
                            from reports.case_moment m join reports.case_fact f on f.case_id = m.case_id
                            where m.at >= :since %1$s and (m.kind in ('complaint', 'reopened', 'sla_breached')
                                or (m.kind = 'rating' and m.label = 'bad')
                                or (m.kind in ('promise', 'callback') and m.flag = false))
                            union all
                            select f.requester_id, f.number, 'abandoned', c.arrived_at
                            from reports.contact_fact c join reports.case_fact f on f.case_id = c.case_id
                            where c.outcome = 'abandoned' and c.arrived_at >= :since %1$s
                            union all
                            select f.requester_id, f.number, 'repeat_contact', f.created_at
                            from reports.case_fact f
                            where f.created_at >= :since %1$s and exists (
                                select 1 from reports.case_fact e where e.requester_id = f.requester_id
                                and e.case_id <> f.case_id and e.created_at < f.created_at
                                and e.created_at >= f.created_at - interval '7 days')
                        )
                        select requester_id, count(*) as signals, count(distinct signal) as kinds,
                            array_agg(distinct signal) as reasons, array_agg(distinct number) as cases,
                            max(at) as latest
                        from signals group by requester_id having count(*) >= 2
                        order by kinds desc, signals desc, latest desc
                        limit :limit
                        """.formatted(team))
                .param("since", java.sql.Timestamp.from(clock.instant().minus(WINDOW)))
                .param("limit", LIMIT);
        if (teams != null) {
            spec = spec.param("teams", teams);
        }
        var rows = spec.query((rs, n) -> new Row(
                        rs.getObject("requester_id", UUID.class),
                        rs.getInt("signals"),
                        strings(rs.getArray("reasons")),
                        numbers(rs.getArray("cases")),
                        rs.getTimestamp("latest").toInstant()))
                .list();
        var names = customers
                .findAll(rows.stream().map(r -> new CustomerId(r.customer())).toList())
                .stream()
                .collect(Collectors.toMap(c -> c.id().value(), c -> c.displayName(), (a, b) -> a));
        return rows.stream()
                .map(r -> new AtRisk(
                        r.customer(),
                        names.getOrDefault(r.customer(), ""),
                        r.signals(),
                        r.reasons(),
                        r.cases(),
                        r.latest()))
                .toList();
    }

    private record Row(UUID customer, int signals, List<String> reasons, List<Long> cases, Instant latest) {}

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(String::valueOf)
                .sorted()
                .toList();
    }

    private static List<Long> numbers(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(o -> ((Number) o).longValue())
                .sorted()
                .toList();
    }
}
