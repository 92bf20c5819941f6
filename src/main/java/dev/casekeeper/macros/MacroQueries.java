package dev.casekeeper.macros;

import dev.casekeeper.agents.AgentId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for canned responses. A desk has tens or hundreds of them: a scan with ILIKE finds them. */
@Repository
class MacroQueries {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MacroQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Whether it was inserted: false when another response has the name. */
    boolean insert(UUID id, String name, String body, MacroActions actions, UUID by, Instant now) {
        return jdbc.sql("""
                        insert into macros.macro (id, name, body, actions, created_at, updated_at, created_by, updated_by)
                        values (:id, :name, :body, cast(:actions as jsonb), :now, :now, :by, :by)
                        on conflict do nothing
                        """)
                        .param("id", id)
                        .param("name", name)
                        .param("body", body)
                        .param("actions", json.writeValueAsString(actions))
                        .param("by", by)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Whether it was updated: false when another response has the name. */
    boolean update(UUID id, String name, String body, MacroActions actions, UUID by, Instant now) {
        return jdbc.sql("""
                        update macros.macro set name = :name, body = :body, actions = cast(:actions as jsonb),
                               updated_at = :now, updated_by = :by
                        where id = :id and not exists (
                            select 1 from macros.macro o where lower(o.name) = lower(:name) and o.id <> :id)
                        """)
                        .param("id", id)
                        .param("name", name)
                        .param("body", body)
                        .param("actions", json.writeValueAsString(actions))
                        .param("by", by)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean nameTaken(String name, @Nullable UUID except) {
        return jdbc.sql("""
                        select exists (select 1 from macros.macro
                                       where lower(name) = lower(:name) and (cast(:except as uuid) is null or id <> :except))
                        """)
                .param("name", name)
                .param("except", except)
                .query(Boolean.class)
                .single();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from macros.macro where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("select * from macros.macro where id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    /** Responses whose name or text contains the words, names matching first, then by name. */
    List<Row> search(@Nullable String q, int limit) {
        String like = q == null || q.isBlank() ? null : "%" + escapeLike(q.strip()) + "%";
        return jdbc.sql("""
                        select * from macros.macro
                        where cast(:like as text) is null or name ilike :like or body ilike :like
                        order by (cast(:like as text) is not null and name ilike :like) desc, lower(name), id
                        limit :limit
                        """)
                .param("like", like)
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    record Row(
            UUID id,
            String name,
            String body,
            Instant createdAt,
            Instant updatedAt,
            @Nullable AgentId updatedBy,
            MacroActions actions) {}

    private Row row(ResultSet rs, int n) throws SQLException {
        UUID by = rs.getObject("updated_by", UUID.class);
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                by == null ? null : new AgentId(by),
                json.readValue(rs.getString("actions"), MacroActions.class));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
