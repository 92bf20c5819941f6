package dev.casekeeper.sla;

import dev.casekeeper.cases.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** SQL for SLA policies. */
@Repository
class PolicyQueries {

    private static final TypeReference<Map<Priority, Targets>> TARGETS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final SlaJson json;

    PolicyQueries(JdbcClient jdbc, SlaJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** False when the name is taken. */
    boolean insert(UUID id, SavePolicy policy, Instant now) {
        return jdbc.sql("""
                        insert into sla.policy (id, name, position, calendar_id, conditions, targets, pause_on_hold,
                                                checkin_after_business_days, created_at, updated_at)
                        values (:id, :name, :position, :calendar, cast(:conditions as jsonb), cast(:targets as jsonb),
                                :pauseOnHold, :checkin, :now, :now)
                        on conflict do nothing
                        """)
                        .param("id", id)
                        .param("name", policy.name().strip())
                        .param("position", policy.position())
                        .param("calendar", policy.calendarId().value())
                        .param("conditions", json.write(policy.conditions()))
                        .param("targets", json.write(policy.targets()))
                        .param("pauseOnHold", policy.pauseOnHold())
                        .param("checkin", policy.checkinAfterBusinessDays())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean nameTakenByOther(String name, UUID id) {
        return jdbc.sql("select exists (select 1 from sla.policy where lower(name) = lower(:name) and id <> :id)")
                .param("name", name.strip())
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    void update(UUID id, SavePolicy policy, Instant now) {
        jdbc.sql("""
                        update sla.policy set name = :name, position = :position, calendar_id = :calendar,
                            conditions = cast(:conditions as jsonb), targets = cast(:targets as jsonb),
                            pause_on_hold = :pauseOnHold, checkin_after_business_days = :checkin, updated_at = :now
                        where id = :id
                        """)
                .param("id", id)
                .param("name", policy.name().strip())
                .param("position", policy.position())
                .param("calendar", policy.calendarId().value())
                .param("conditions", json.write(policy.conditions()))
                .param("targets", json.write(policy.targets()))
                .param("pauseOnHold", policy.pauseOnHold())
                .param("checkin", policy.checkinAfterBusinessDays())
                .param("now", Timestamp.from(now))
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from sla.policy where id = :id").param("id", id).update();
    }

    Optional<SlaPolicy> find(UUID id) {
        return jdbc.sql("select * from sla.policy where id = :id")
                .param("id", id)
                .query((rs, n) -> policy(rs))
                .optional();
    }

    /** In the order they are tried: by position, then name. */
    List<SlaPolicy> list() {
        return jdbc.sql("select * from sla.policy order by position, lower(name)")
                .query((rs, n) -> policy(rs))
                .list();
    }

    private SlaPolicy policy(ResultSet rs) throws SQLException {
        return new SlaPolicy(
                new PolicyId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getInt("position"),
                new CalendarId(rs.getObject("calendar_id", UUID.class)),
                json.read(rs.getString("conditions"), PolicyConditions.class),
                json.read(rs.getString("targets"), TARGETS),
                rs.getBoolean("pause_on_hold"),
                rs.getObject("checkin_after_business_days", Integer.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
