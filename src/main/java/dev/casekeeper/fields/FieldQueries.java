package dev.casekeeper.fields;

import dev.casekeeper.agents.TeamId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for field definitions. */
@Repository
class FieldQueries {

    private final JdbcClient jdbc;

    FieldQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Field> all(FieldSubject subject) {
        return jdbc.sql("select * from fields.field where subject = :subject order by position, name")
                .param("subject", subject.value())
                .query((rs, n) -> field(rs))
                .list();
    }

    Optional<Field> find(UUID id) {
        return jdbc.sql("select * from fields.field where id = :id")
                .param("id", id)
                .query((rs, n) -> field(rs))
                .optional();
    }

    boolean keyTaken(FieldSubject subject, String apiKey) {
        return jdbc.sql("select count(*) from fields.field where subject = :subject and api_key = :key")
                        .param("subject", subject.value())
                        .param("key", apiKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(UUID id, SaveField f, Instant now) {
        jdbc.sql("""
                        insert into fields.field
                            (id, subject, name, api_key, type, help_text, required_to_solve, team_id, options, position, created_at)
                        values (:id, :subject, :name, :key, :type, :help, :required, :team,
                                string_to_array(:options, chr(31)),
                                (select coalesce(max(position), 0) + 1 from fields.field), :now)
                        """)
                .param("id", id)
                .param("subject", f.subject().value())
                .param("name", f.name())
                .param("key", f.apiKey())
                .param("type", f.type().value())
                .param("help", f.helpText())
                .param("required", f.requiredToSolve())
                .param("team", f.teamId() == null ? null : f.teamId().value())
                .param("options", String.join("\u001f", f.options()))
                .param("now", Timestamp.from(now))
                .update();
    }

    void update(UUID id, SaveField f) {
        jdbc.sql("""
                        update fields.field
                        set name = :name, type = :type, help_text = :help, required_to_solve = :required,
                            team_id = :team, options = string_to_array(:options, chr(31))
                        where id = :id
                        """)
                .param("id", id)
                .param("name", f.name())
                .param("type", f.type().value())
                .param("help", f.helpText())
                .param("required", f.requiredToSolve())
                .param("team", f.teamId() == null ? null : f.teamId().value())
                .param("options", String.join("\u001f", f.options()))
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from fields.field where id = :id").param("id", id).update();
    }

    private static Field field(ResultSet rs) throws SQLException {
        UUID team = rs.getObject("team_id", UUID.class);
        return new Field(
                new FieldId(rs.getObject("id", UUID.class)),
                FieldSubject.from(rs.getString("subject")),
                rs.getString("name"),
                rs.getString("api_key"),
                FieldType.from(rs.getString("type")),
                rs.getString("help_text"),
                rs.getBoolean("required_to_solve"),
                team == null ? null : new TeamId(team),
                strings(rs.getArray("options")),
                rs.getInt("position"));
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null
                ? List.of()
                : Arrays.stream((Object[]) array.getArray())
                        .map(String.class::cast)
                        .toList();
    }
}
