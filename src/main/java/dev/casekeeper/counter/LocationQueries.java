package dev.casekeeper.counter;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
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

/** SQL for locations, their visit reasons and the desks agents sit at. */
@Repository
class LocationQueries {

    private final JdbcClient jdbc;

    LocationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the slug is taken. */
    boolean insert(UUID id, String slug, String name, ZoneId zone, Instant now) {
        return jdbc.sql("""
                        insert into counter.location (id, slug, name, zone, created_at) values (:id, :slug, :name, :zone, :now)
                        on conflict (slug) do nothing
                        """)
                        .param("id", id)
                        .param("slug", slug)
                        .param("name", name)
                        .param("zone", zone.getId())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    List<Location> list() {
        return jdbc.sql("select * from counter.location order by name, id")
                .query(this::location)
                .list();
    }

    Optional<Location> find(UUID id) {
        return jdbc.sql("select * from counter.location where id = :id")
                .param("id", id)
                .query(this::location)
                .optional();
    }

    Optional<Location> bySlug(String slug) {
        return jdbc.sql("select * from counter.location where slug = :slug")
                .param("slug", slug)
                .query(this::location)
                .optional();
    }

    /** Locks the location's row: reasons are added one at a time, so their positions stay distinct. */
    void lock(UUID id) {
        jdbc.sql("select id from counter.location where id = :id for update")
                .param("id", id)
                .query(UUID.class)
                .optional();
    }

    /** False when the location already has a reason with this label or code. */
    boolean insertReason(
            UUID id, UUID location, String label, String code, TeamId team, List<String> skills, Instant now) {
        return jdbc.sql("""
                        insert into counter.reason (id, location_id, label, code, team_id, skills, position, created_at)
                        values (:id, :location, :label, :code, :team, string_to_array(:skills, ','),
                            (select coalesce(max(position), 0) + 1 from counter.reason where location_id = :location), :now)
                        on conflict do nothing
                        """)
                        .param("id", id)
                        .param("location", location)
                        .param("label", label)
                        .param("code", code)
                        .param("team", team.value())
                        .param("skills", String.join(",", skills))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    Optional<Reason> reason(UUID id) {
        return jdbc.sql("select * from counter.reason where id = :id")
                .param("id", id)
                .query(LocationQueries::reason)
                .optional();
    }

    /** Locations with a reason served by the team. */
    List<UUID> locationsServedBy(UUID team) {
        return jdbc.sql("select distinct location_id from counter.reason where team_id = :team")
                .param("team", team)
                .query(UUID.class)
                .list();
    }

    /** Seats the agent at the desk (leaving any other); false when another agent sits there. Call in a transaction. */
    boolean sit(UUID agent, UUID location, String desk, Instant now) {
        leave(agent);
        return jdbc.sql("""
                        insert into counter.seat (agent_id, location_id, desk, since) values (:agent, :location, :desk, :now)
                        on conflict do nothing
                        """)
                        .param("agent", agent)
                        .param("location", location)
                        .param("desk", desk)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    void leave(UUID agent) {
        jdbc.sql("delete from counter.seat where agent_id = :agent")
                .param("agent", agent)
                .update();
    }

    Optional<Seat> seatOf(UUID agent) {
        return jdbc.sql("select * from counter.seat where agent_id = :agent")
                .param("agent", agent)
                .query(LocationQueries::seat)
                .optional();
    }

    List<Seat> seatsAt(UUID location) {
        return jdbc.sql("select * from counter.seat where location_id = :location order by desk")
                .param("location", location)
                .query(LocationQueries::seat)
                .list();
    }

    private Location location(ResultSet rs, int n) throws SQLException {
        var id = rs.getObject("id", UUID.class);
        var reasons = jdbc.sql("select * from counter.reason where location_id = :id order by position")
                .param("id", id)
                .query(LocationQueries::reason)
                .list();
        return new Location(
                new LocationId(id),
                rs.getString("slug"),
                rs.getString("name"),
                ZoneId.of(rs.getString("zone")),
                reasons);
    }

    private static Reason reason(ResultSet rs, int n) throws SQLException {
        return new Reason(
                new ReasonId(rs.getObject("id", UUID.class)),
                new LocationId(rs.getObject("location_id", UUID.class)),
                rs.getString("label"),
                rs.getString("code"),
                new TeamId(rs.getObject("team_id", UUID.class)),
                List.of((String[]) rs.getArray("skills").getArray()));
    }

    private static Seat seat(ResultSet rs, int n) throws SQLException {
        return new Seat(
                new AgentId(rs.getObject("agent_id", UUID.class)),
                new LocationId(rs.getObject("location_id", UUID.class)),
                rs.getString("desk"),
                rs.getTimestamp("since").toInstant());
    }
}
