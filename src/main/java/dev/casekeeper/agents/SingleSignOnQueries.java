package dev.casekeeper.agents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The provider's subjects linked to agents (agents.single_sign_on_subject). */
@Repository
class SingleSignOnQueries {

    private final JdbcClient jdbc;

    SingleSignOnQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> agentOf(String issuer, String subject) {
        return jdbc.sql("""
                        select agent_id from agents.single_sign_on_subject
                        where issuer = :issuer and subject = :subject
                        """)
                .param("issuer", issuer)
                .param("subject", subject)
                .query(UUID.class)
                .optional();
    }

    /** Whether the agent is linked to a subject of this provider other than this one. */
    boolean linkedToAnother(UUID agentId, String issuer, String subject) {
        return jdbc.sql("""
                        select exists (select 1 from agents.single_sign_on_subject
                                       where agent_id = :agent and issuer = :issuer and subject <> :subject)
                        """)
                .param("agent", agentId)
                .param("issuer", issuer)
                .param("subject", subject)
                .query(Boolean.class)
                .single();
    }

    /** Links the subject to the agent; false when the subject or the agent was linked already. */
    boolean link(String issuer, String subject, UUID agentId, Instant now) {
        return jdbc.sql("""
                        insert into agents.single_sign_on_subject (issuer, subject, agent_id, linked_at)
                        values (:issuer, :subject, :agent, :now)
                        on conflict do nothing
                        """)
                        .param("issuer", issuer)
                        .param("subject", subject)
                        .param("agent", agentId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }
}
