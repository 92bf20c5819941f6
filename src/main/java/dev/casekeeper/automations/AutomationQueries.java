package dev.casekeeper.automations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for automations and the record of time-based runs. */
@Repository
class AutomationQueries {

    private static final TypeReference<List<Condition>> CONDITIONS = new TypeReference<>() {};
    private static final TypeReference<List<AutomationAction>> ACTIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AutomationQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts or replaces the automation; false when another one has its name. */
    boolean save(Automation a) {
        return jdbc.sql("""
                        insert into automations.automation
                            (id, kind, name, enabled, position, event, status, hours, match_all, conditions, actions,
                             created_at, updated_at)
                        select :id, :kind, :name, :enabled, :position, :event, :status, :hours, :matchAll,
                               cast(:conditions as jsonb), cast(:actions as jsonb), :createdAt, :updatedAt
                         where not exists (select 1 from automations.automation o
                                            where lower(o.name) = lower(:name) and o.id <> :id)
                        on conflict (id) do update set
                            name = excluded.name, enabled = excluded.enabled, position = excluded.position,
                            event = excluded.event, status = excluded.status, hours = excluded.hours,
                            match_all = excluded.match_all, conditions = excluded.conditions,
                            actions = excluded.actions, updated_at = excluded.updated_at
                        """)
                        .param("id", a.id())
                        .param("kind", a.kind().value())
                        .param("name", a.name())
                        .param("enabled", a.enabled())
                        .param("position", a.position())
                        .param("event", a.event() == null ? null : a.event().value())
                        .param("status", a.status())
                        .param("hours", a.hours())
                        .param("matchAll", a.matchAll())
                        .param("conditions", json.writeValueAsString(a.conditions()))
                        .param("actions", json.writeValueAsString(a.actions()))
                        .param("createdAt", Timestamp.from(a.createdAt()))
                        .param("updatedAt", Timestamp.from(a.updatedAt()))
                        .update()
                == 1;
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from automations.automation where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<Automation> find(UUID id) {
        return jdbc.sql("select * from automations.automation where id = :id")
                .param("id", id)
                .query(this::automation)
                .optional();
    }

    /** Of one kind, in the order they run: by position, then name. */
    List<Automation> list(Automation.Kind kind) {
        return jdbc.sql("select * from automations.automation where kind = :kind order by position, lower(name), id")
                .param("kind", kind.value())
                .query(this::automation)
                .list();
    }

    List<Automation> enabled(Automation.Kind kind) {
        return list(kind).stream().filter(Automation::enabled).toList();
    }

    /** Records that the automation acted on the case for this stretch; false when it already had. */
    boolean ran(UUID automation, UUID caseId, Instant since, Instant now) {
        return jdbc.sql("""
                        insert into automations.timed_run (automation_id, case_id, since, ran_at)
                        values (:automation, :case, :since, :now)
                        on conflict do nothing
                        """)
                        .param("automation", automation)
                        .param("case", caseId)
                        .param("since", Timestamp.from(since))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean hasRun(UUID automation, UUID caseId, Instant since) {
        return jdbc.sql("""
                        select exists (select 1 from automations.timed_run
                                        where automation_id = :automation and case_id = :case and since = :since)
                        """)
                .param("automation", automation)
                .param("case", caseId)
                .param("since", Timestamp.from(since))
                .query(Boolean.class)
                .single();
    }

    private Automation automation(ResultSet rs, int n) throws SQLException {
        String event = rs.getString("event");
        return new Automation(
                rs.getObject("id", UUID.class),
                Automation.Kind.valueOf(rs.getString("kind").toUpperCase()),
                rs.getString("name"),
                rs.getBoolean("enabled"),
                rs.getInt("position"),
                event == null ? null : TriggerEvent.of(event).orElse(null),
                rs.getString("status"),
                (Integer) rs.getObject("hours"),
                rs.getBoolean("match_all"),
                json.readValue(rs.getString("conditions"), CONDITIONS),
                json.readValue(rs.getString("actions"), ACTIONS),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
