package dev.casekeeper.sla;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the SLA's per-case row and its recorded warnings, breaches and alerts. */
@Repository
class CaseSlaQueries {

    private final JdbcClient jdbc;

    CaseSlaQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the case's SLA row, creating it first; returns the timers scheduled for it so far. */
    List<String> lock(UUID caseId, Instant now) {
        jdbc.sql("insert into sla.case_sla (case_id, updated_at) values (:case, :now) on conflict do nothing")
                .param("case", caseId)
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("select timers from sla.case_sla where case_id = :case for update")
                .param("case", caseId)
                .query((rs, n) -> strings(rs.getArray("timers")))
                .single();
    }

    void save(UUID caseId, @Nullable UUID policyId, boolean closed, Collection<String> timers, Instant now) {
        jdbc.sql("""
                        update sla.case_sla set policy_id = :policy, closed = :closed,
                            timers = string_to_array(:timers, ','), updated_at = :now
                        where case_id = :case
                        """)
                .param("case", caseId)
                .param("policy", policyId)
                .param("closed", closed)
                .param("timers", String.join(",", timers))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Cases whose clocks may still change: every case not closed. */
    List<UUID> openCases() {
        return jdbc.sql("select case_id from sla.case_sla where not closed order by case_id")
                .query(UUID.class)
                .list();
    }

    /** False when it was recorded before: each warning, breach or alert happens once. */
    boolean record(
            UUID caseId,
            Target target,
            int cycle,
            String kind,
            Instant dueAt,
            @Nullable UUID teamId,
            @Nullable UUID ownerId,
            Instant now) {
        return record(caseId, target.value(), cycle, kind, dueAt, teamId, ownerId, now);
    }

    boolean record(
            UUID caseId,
            String target,
            int cycle,
            String kind,
            Instant dueAt,
            @Nullable UUID teamId,
            @Nullable UUID ownerId,
            Instant now) {
        return jdbc.sql("""
                        insert into sla.clock_event (case_id, target, cycle, kind, due_at, recorded_at, team_id, owner_id)
                        values (:case, :target, :cycle, :kind, :due, :now, :team, :owner)
                        on conflict do nothing
                        """)
                        .param("case", caseId)
                        .param("target", target)
                        .param("cycle", cycle)
                        .param("kind", kind)
                        .param("due", Timestamp.from(dueAt))
                        .param("now", Timestamp.from(now))
                        .param("team", teamId)
                        .param("owner", ownerId)
                        .update()
                == 1;
    }

    /** What was recorded for a case, keyed {@code target:cycle:kind}, with when it was recorded. */
    Map<String, Instant> recorded(UUID caseId) {
        return jdbc
                .sql("select target, cycle, kind, recorded_at from sla.clock_event where case_id = :case")
                .param("case", caseId)
                .query((rs, n) -> Map.entry(
                        rs.getString("target") + ":" + rs.getInt("cycle") + ":" + rs.getString("kind"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray())
                .map(String.class::cast)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
