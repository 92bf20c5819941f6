package dev.casekeeper.agents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The agents' second factors, their recovery codes, and the roles that must have one. */
@Repository
class TwoFactorQueries {

    record Row(
            UUID agentId,
            String secret,
            @Nullable Instant enrolledAt,
            long lastStep,
            int failedCodes,
            @Nullable Instant failingSince) {}

    private final JdbcClient jdbc;

    TwoFactorQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The agent's row, locked for the check that may update it. */
    Optional<Row> lock(UUID agentId) {
        return jdbc.sql("select * from agents.two_factor where agent_id = :agent for update")
                .param("agent", agentId)
                .query((rs, n) -> new Row(
                        rs.getObject("agent_id", UUID.class),
                        rs.getString("secret"),
                        instant(rs.getTimestamp("enrolled_at")),
                        rs.getLong("last_step"),
                        rs.getInt("failed_codes"),
                        instant(rs.getTimestamp("failing_since"))))
                .optional();
    }

    boolean enrolled(UUID agentId) {
        return jdbc.sql(
                        "select exists (select 1 from agents.two_factor where agent_id = :agent and enrolled_at is not null)")
                .param("agent", agentId)
                .query(Boolean.class)
                .single();
    }

    /** Whether the role must have a second factor and the agent has none: one round trip, on every page. */
    boolean mustEnrol(UUID agentId, Role role) {
        return jdbc.sql("""
                        select exists (select 1 from agents.two_factor_role where role = :role)
                           and not exists (select 1 from agents.two_factor where agent_id = :agent and enrolled_at is not null)
                        """)
                .param("role", role.value())
                .param("agent", agentId)
                .query(Boolean.class)
                .single();
    }

    /** A new enrolment, waiting for its first code; an earlier one still waiting is replaced. */
    void startEnrolment(UUID agentId, String secret) {
        jdbc.sql("""
                        insert into agents.two_factor (agent_id, secret) values (:agent, :secret)
                        on conflict (agent_id) do update set secret = excluded.secret, last_step = 0,
                            failed_codes = 0, failing_since = null
                        where agents.two_factor.enrolled_at is null
                        """).param("agent", agentId).param("secret", secret).update();
    }

    void enrolled(UUID agentId, long step, Instant now) {
        jdbc.sql("update agents.two_factor set enrolled_at = :now, last_step = :step, failed_codes = 0, "
                        + "failing_since = null where agent_id = :agent")
                .param("agent", agentId)
                .param("step", step)
                .param("now", Timestamp.from(now))
                .update();
    }

    void accepted(UUID agentId, long step) {
        jdbc.sql("update agents.two_factor set last_step = greatest(last_step, :step), failed_codes = 0, "
                        + "failing_since = null where agent_id = :agent")
                .param("agent", agentId)
                .param("step", step)
                .update();
    }

    void failed(UUID agentId, int failures, Instant since) {
        jdbc.sql(
                        "update agents.two_factor set failed_codes = :failures, failing_since = :since where agent_id = :agent")
                .param("agent", agentId)
                .param("failures", failures)
                .param("since", Timestamp.from(since))
                .update();
    }

    void remove(UUID agentId) {
        jdbc.sql("delete from agents.recovery_code where agent_id = :agent")
                .param("agent", agentId)
                .update();
        jdbc.sql("delete from agents.two_factor where agent_id = :agent")
                .param("agent", agentId)
                .update();
    }

    void replaceRecoveryCodes(UUID agentId, Collection<String> digests) {
        jdbc.sql("delete from agents.recovery_code where agent_id = :agent")
                .param("agent", agentId)
                .update();
        for (String digest : digests) {
            jdbc.sql("insert into agents.recovery_code (agent_id, digest) values (:agent, :digest)")
                    .param("agent", agentId)
                    .param("digest", digest)
                    .update();
        }
    }

    /** Uses the recovery code if it is the agent's and unused; whether it was. */
    boolean useRecoveryCode(UUID agentId, String digest, Instant now) {
        return jdbc.sql("update agents.recovery_code set used_at = :now "
                                + "where agent_id = :agent and digest = :digest and used_at is null")
                        .param("agent", agentId)
                        .param("digest", digest)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    int recoveryCodesLeft(UUID agentId) {
        return jdbc.sql("select count(*) from agents.recovery_code where agent_id = :agent and used_at is null")
                .param("agent", agentId)
                .query(Integer.class)
                .single();
    }

    Set<Role> enforcedRoles() {
        var roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from agents.two_factor_role")
                .query(String.class)
                .list()
                .forEach(role -> roles.add(Role.from(role)));
        return roles;
    }

    void enforce(Set<Role> roles) {
        jdbc.sql("delete from agents.two_factor_role").update();
        for (Role role : roles) {
            jdbc.sql("insert into agents.two_factor_role (role) values (:role)")
                    .param("role", role.value())
                    .update();
        }
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
