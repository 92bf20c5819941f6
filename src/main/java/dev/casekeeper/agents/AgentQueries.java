package dev.casekeeper.agents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for agents and teams. */
@Repository
class AgentQueries {

    private final JdbcClient jdbc;

    AgentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Credentials(Agent agent, String passwordHash) {}

    /** Inserts the agent unless another one has the email; whether it did. */
    boolean insertAgent(UUID id, String email, String name, String passwordHash, Role role, Instant now) {
        return jdbc.sql("""
                        insert into agents.agent (id, email, name, password_hash, role, active, created_at, updated_at)
                        values (:id, :email, :name, :hash, :role, true, :now, :now)
                        on conflict (email) do nothing
                        """)
                        .param("id", id)
                        .param("email", email)
                        .param("name", name)
                        .param("hash", passwordHash)
                        .param("role", role.value())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select exists (select 1 from agents.agent where email = :email)")
                .param("email", email)
                .query(Boolean.class)
                .single();
    }

    /** Counts active admins, locking their rows so two demotions at once cannot remove the last one. */
    long lockActiveAdmins() {
        return jdbc.sql("select id from agents.agent where role = 'admin' and active for update")
                .query(UUID.class)
                .list()
                .size();
    }

    long countAgents() {
        return jdbc.sql("select count(*) from agents.agent").query(Long.class).single();
    }

    Optional<Agent> findAgent(UUID id) {
        return jdbc.sql(SELECT_AGENT + " where a.id = :id group by a.id")
                .param("id", id)
                .query(AgentQueries::agent)
                .optional();
    }

    Optional<Credentials> findCredentials(String email) {
        return jdbc.sql("select id, password_hash from agents.agent where email = :email")
                .param("email", email)
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("password_hash")))
                .optional()
                .flatMap(row -> findAgent(row.getKey()).map(agent -> new Credentials(agent, row.getValue())));
    }

    List<Agent> listAgents() {
        return jdbc.sql(SELECT_AGENT + " group by a.id order by a.name, a.id")
                .query(AgentQueries::agent)
                .list();
    }

    void updateAgent(UUID id, String name, Role role, boolean active, Instant now) {
        jdbc.sql("""
                        update agents.agent set name = :name, role = :role, active = :active, updated_at = :now
                        where id = :id
                        """)
                .param("id", id)
                .param("name", name)
                .param("role", role.value())
                .param("active", active)
                .param("now", Timestamp.from(now))
                .update();
    }

    void updatePassword(UUID id, String passwordHash, Instant now) {
        updatePassword(id, passwordHash, false, now);
    }

    /** Sets the password; {@code temporary}: its agent is asked to choose their own. */
    void updatePassword(UUID id, String passwordHash, boolean temporary, Instant now) {
        jdbc.sql("""
                        update agents.agent set password_hash = :hash, password_change_required = :temporary,
                                                updated_at = :now
                        where id = :id
                        """)
                .param("id", id)
                .param("hash", passwordHash)
                .param("temporary", temporary)
                .param("now", Timestamp.from(now))
                .update();
    }

    Optional<String> passwordHash(UUID id) {
        return jdbc.sql("select password_hash from agents.agent where id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    void requirePasswordChange(UUID id) {
        jdbc.sql("update agents.agent set password_change_required = true where id = :id")
                .param("id", id)
                .update();
    }

    boolean passwordChangeRequired(UUID id) {
        return jdbc.sql("select password_change_required from agents.agent where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Changes the email unless another agent has it; whether it did. */
    boolean updateEmail(UUID id, String email, Instant now) {
        return jdbc.sql("""
                        update agents.agent set email = :email, updated_at = :now
                        where id = :id and not exists (select 1 from agents.agent o where o.email = :email and o.id <> :id)
                        """)
                        .param("id", id)
                        .param("email", email)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Renames the team; false when another team has the name, in any case. */
    boolean renameTeam(UUID id, String name) {
        return jdbc.sql("""
                        update agents.team set name = :name
                        where id = :id and not exists (select 1 from agents.team o where lower(o.name) = lower(:name) and o.id <> :id)
                        """).param("id", id).param("name", name).update() == 1;
    }

    /** Makes the agent a member of exactly these teams. */
    void replaceMemberships(UUID agentId, Collection<UUID> teamIds) {
        jdbc.sql("delete from agents.team_member where agent_id = :agent")
                .param("agent", agentId)
                .update();
        for (UUID team : teamIds) {
            addMember(team, agentId);
        }
    }

    /** Which of these teams exist. */
    List<UUID> existingTeams(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from agents.team where id in (:ids)")
                .param("ids", ids)
                .query(UUID.class)
                .list();
    }

    /** Inserts the team unless another one has the name, in any case; whether it did. */
    boolean insertTeam(UUID id, String name, Instant now) {
        return jdbc.sql(
                                "insert into agents.team (id, name, created_at) values (:id, :name, :now) on conflict do nothing")
                        .param("id", id)
                        .param("name", name)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** The team with this name, in any case. */
    Optional<UUID> teamIdNamed(String name) {
        return jdbc.sql("select id from agents.team where lower(name) = lower(:name)")
                .param("name", name)
                .query(UUID.class)
                .optional();
    }

    boolean teamNameTaken(String name) {
        return jdbc.sql("select exists (select 1 from agents.team where lower(name) = lower(:name))")
                .param("name", name)
                .query(Boolean.class)
                .single();
    }

    Optional<Team> findTeam(UUID id) {
        return jdbc.sql(SELECT_TEAM + " where t.id = :id group by t.id")
                .param("id", id)
                .query(AgentQueries::team)
                .optional();
    }

    List<Team> listTeams() {
        return jdbc.sql(SELECT_TEAM + " group by t.id order by t.name")
                .query(AgentQueries::team)
                .list();
    }

    void addMember(UUID teamId, UUID agentId) {
        jdbc.sql("insert into agents.team_member (team_id, agent_id) values (:team, :agent) on conflict do nothing")
                .param("team", teamId)
                .param("agent", agentId)
                .update();
    }

    void removeMember(UUID teamId, UUID agentId) {
        jdbc.sql("delete from agents.team_member where team_id = :team and agent_id = :agent")
                .param("team", teamId)
                .param("agent", agentId)
                .update();
    }

    Map<UUID, String> names(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("select id, name from agents.agent where id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("name")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static final String SELECT_AGENT = """
            select a.id, a.email, a.name, a.role, a.active, a.created_at,
                   coalesce(array_agg(m.team_id order by m.team_id) filter (where m.team_id is not null), '{}') as team_ids
            from agents.agent a left join agents.team_member m on m.agent_id = a.id
            """;

    private static final String SELECT_TEAM = """
            select t.id, t.name, t.created_at,
                   coalesce(array_agg(m.agent_id order by m.agent_id) filter (where m.agent_id is not null), '{}') as member_ids
            from agents.team t left join agents.team_member m on m.team_id = t.id
            """;

    private static Agent agent(ResultSet rs, int row) throws SQLException {
        return new Agent(
                new AgentId(rs.getObject("id", UUID.class)),
                rs.getString("email"),
                rs.getString("name"),
                Role.from(rs.getString("role")),
                rs.getBoolean("active"),
                uuids(rs, "team_ids").stream().map(TeamId::new).toList(),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Team team(ResultSet rs, int row) throws SQLException {
        return new Team(
                new TeamId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                uuids(rs, "member_ids").stream().map(AgentId::new).toList(),
                rs.getTimestamp("created_at").toInstant());
    }

    static List<UUID> uuids(ResultSet rs, String column) throws SQLException {
        java.sql.@Nullable Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(UUID.class::cast).toList();
    }
}
