package dev.casekeeper.views;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for saved views. */
@Repository
class SavedViewQueries {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SavedViewQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The agent's personal views, and the views shared with these teams (or every shared one). */
    List<SavedView> visible(AgentId agent, Collection<UUID> teams, boolean everyShared) {
        return jdbc.sql("""
                        select * from views.saved_view
                        where (owner_id = :agent and team_id is null)
                           or (team_id is not null and (:everyShared or team_id = any(:teams)))
                        order by team_id nulls first, lower(name), id
                        """)
                .param("agent", agent.value())
                .param("teams", teams.toArray(UUID[]::new))
                .param("everyShared", everyShared)
                .query((rs, n) -> view(rs))
                .list();
    }

    Optional<SavedView> find(UUID id) {
        return jdbc.sql("select * from views.saved_view where id = :id")
                .param("id", id)
                .query((rs, n) -> view(rs))
                .optional();
    }

    void insert(UUID id, AgentId owner, SaveView view, Instant now) {
        jdbc.sql("""
                        insert into views.saved_view (id, name, owner_id, team_id, filters, columns, created_at)
                        values (:id, :name, :owner, :team, cast(:filters as jsonb), string_to_array(:columns, chr(31)), :now)
                        """)
                .param("id", id)
                .param("name", view.name())
                .param("owner", owner.value())
                .param("team", view.teamId() == null ? null : view.teamId().value())
                .param("filters", json.writeValueAsString(view.filters()))
                .param("columns", String.join("\u001f", view.columns()))
                .param("now", Timestamp.from(now))
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from views.saved_view where id = :id").param("id", id).update();
    }

    private SavedView view(ResultSet rs) throws SQLException {
        UUID team = rs.getObject("team_id", UUID.class);
        return new SavedView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                new AgentId(rs.getObject("owner_id", UUID.class)),
                team == null ? null : new TeamId(team),
                json.readValue(rs.getString("filters"), ViewFilters.class),
                Arrays.stream((Object[]) rs.getArray("columns").getArray())
                        .map(String.class::cast)
                        .toList());
    }
}
