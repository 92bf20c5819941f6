package dev.casekeeper.agents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for API tokens. */
@Repository
class ApiTokenQueries {

    private final JdbcClient jdbc;

    ApiTokenQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Bearer(
            SignedInAgent agent, UUID tokenId, @Nullable Instant lastUsedAt) {}

    void insert(UUID id, UUID agentId, String name, String digest, Instant now) {
        jdbc.sql("""
                        insert into agents.api_token (id, agent_id, name, token_digest, created_at)
                        values (:id, :agent, :name, :digest, :now)
                        """)
                .param("id", id)
                .param("agent", agentId)
                .param("name", name)
                .param("digest", digest)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The active agent behind a token that is not revoked, in one round trip. */
    Optional<Bearer> findBearer(String digest) {
        return jdbc.sql("""
                        select a.id, a.email, a.name, a.role, t.id as token_id, t.last_used_at,
                               coalesce(array_agg(m.team_id) filter (where m.team_id is not null), '{}') as team_ids
                        from agents.api_token t
                        join agents.agent a on a.id = t.agent_id
                        left join agents.team_member m on m.agent_id = a.id
                        where t.token_digest = :digest and t.revoked_at is null and a.active
                        group by a.id, t.id
                        """)
                .param("digest", digest)
                .query((rs, n) -> new Bearer(
                        new SignedInAgent(
                                new AgentId(rs.getObject("id", UUID.class)),
                                rs.getString("email"),
                                rs.getString("name"),
                                Role.from(rs.getString("role")),
                                new HashSet<>(AgentQueries.uuids(rs, "team_ids").stream()
                                        .map(TeamId::new)
                                        .toList())),
                        rs.getObject("token_id", UUID.class),
                        instant(rs, "last_used_at")))
                .optional();
    }

    void touch(UUID tokenId, Instant now) {
        jdbc.sql("update agents.api_token set last_used_at = :now where id = :id")
                .param("id", tokenId)
                .param("now", Timestamp.from(now))
                .update();
    }

    List<ApiToken> listFor(@Nullable UUID agentId) {
        return jdbc.sql("""
                        select * from agents.api_token
                        where cast(:agent as uuid) is null or agent_id = :agent
                        order by created_at desc
                        """)
                .param("agent", agentId)
                .query(ApiTokenQueries::token)
                .list();
    }

    Optional<ApiToken> find(UUID id) {
        return jdbc.sql("select * from agents.api_token where id = :id")
                .param("id", id)
                .query(ApiTokenQueries::token)
                .optional();
    }

    void revoke(UUID id, Instant now) {
        jdbc.sql("update agents.api_token set revoked_at = :now where id = :id and revoked_at is null")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .update();
    }

    void revokeAllOf(UUID agentId, Instant now) {
        jdbc.sql("update agents.api_token set revoked_at = :now where agent_id = :agent and revoked_at is null")
                .param("agent", agentId)
                .param("now", Timestamp.from(now))
                .update();
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        return new ApiToken(
                rs.getObject("id", UUID.class),
                new AgentId(rs.getObject("agent_id", UUID.class)),
                rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
