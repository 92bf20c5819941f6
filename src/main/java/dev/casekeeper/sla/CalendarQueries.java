package dev.casekeeper.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** SQL for business calendars. */
@Repository
class CalendarQueries {

    private static final TypeReference<List<OpeningHours>> HOURS = new TypeReference<>() {};
    private static final TypeReference<List<Holiday>> HOLIDAYS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final SlaJson json;

    CalendarQueries(JdbcClient jdbc, SlaJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** False when the name is taken (checked by the unique index, so two requests cannot both win). */
    boolean insert(UUID id, SaveCalendar calendar, Instant now) {
        return jdbc.sql("""
                        insert into sla.calendar (id, name, zone, hours, holidays, created_at, updated_at)
                        values (:id, :name, :zone, cast(:hours as jsonb), cast(:holidays as jsonb), :now, :now)
                        on conflict do nothing
                        """)
                        .param("id", id)
                        .param("name", calendar.name().strip())
                        .param("zone", calendar.zone().strip())
                        .param("hours", json.write(calendar.hours()))
                        .param("holidays", json.write(calendar.holidays()))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean nameTakenByOther(String name, UUID id) {
        return jdbc.sql("select exists (select 1 from sla.calendar where lower(name) = lower(:name) and id <> :id)")
                .param("name", name.strip())
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    void update(UUID id, SaveCalendar calendar, Instant now) {
        jdbc.sql("""
                        update sla.calendar set name = :name, zone = :zone, hours = cast(:hours as jsonb),
                            holidays = cast(:holidays as jsonb), updated_at = :now
                        where id = :id
                        """)
                .param("id", id)
                .param("name", calendar.name().strip())
                .param("zone", calendar.zone().strip())
                .param("hours", json.write(calendar.hours()))
                .param("holidays", json.write(calendar.holidays()))
                .param("now", Timestamp.from(now))
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from sla.calendar where id = :id").param("id", id).update();
    }

    boolean usedByPolicy(UUID id) {
        return jdbc.sql("select exists (select 1 from sla.policy where calendar_id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    Optional<SlaCalendar> find(UUID id) {
        return jdbc.sql("select * from sla.calendar where id = :id")
                .param("id", id)
                .query((rs, n) -> calendar(rs))
                .optional();
    }

    List<SlaCalendar> list() {
        return jdbc.sql("select * from sla.calendar order by lower(name)")
                .query((rs, n) -> calendar(rs))
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from sla.calendar").query(Long.class).single();
    }

    private SlaCalendar calendar(ResultSet rs) throws SQLException {
        return new SlaCalendar(
                new CalendarId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                ZoneId.of(rs.getString("zone")),
                json.read(rs.getString("hours"), HOURS),
                json.read(rs.getString("holidays"), HOLIDAYS),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
