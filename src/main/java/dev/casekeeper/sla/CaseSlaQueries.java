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

    /**
     * The case's SLA row, locked, and the version of the policies, in one round trip (a refresh runs
     * with every change of a case). A case with no row yet has nothing to lock: only the transaction
     * that opened it can see it, and {@link #save} creates the row.
     */
    Locked lock(UUID caseId) {
        return jdbc.sql("""
                        select (select version from sla.config_version) as version,
                               (select timers from sla.case_sla where case_id = :case for update) as timers
                        """)
                .param("case", caseId)
                .query((rs, n) -> {
                    var timers = rs.getArray("timers");
                    return new Locked(rs.getLong("version"), timers == null ? null : strings(timers));
                })
                .single();
    }

    /** What {@link #lock} read: the policies' version, and the case's timers (null when it has no row yet). */
    record Locked(long policiesVersion, @Nullable List<String> timers) {

        List<String> scheduled() {
            return timers == null ? List.of() : timers;
        }
    }

    void save(UUID caseId, @Nullable UUID policyId, boolean closed, Collection<String> timers, Instant now) {
        jdbc.sql("""
                        insert into sla.case_sla (case_id, policy_id, closed, timers, updated_at)
                        values (:case, :policy, :closed, string_to_array(:timers, ','), :now)
                        on conflict (case_id) do update set policy_id = excluded.policy_id, closed = excluded.closed,
                            timers = excluded.timers, updated_at = excluded.updated_at
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
