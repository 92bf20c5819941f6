package dev.casekeeper.workspace;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which transfer summaries a receiving owner has dismissed; each dismissal is for one handover. */
@Repository
class HandoverDismissals {

    private final JdbcClient jdbc;
    private final Clock clock;

    HandoverDismissals(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean dismissed(AgentId agent, CaseId kase, Instant handoverAt) {
        return jdbc.sql("""
                        select exists (select 1 from workspace.handover_dismissal
                                       where agent_id = :agent and case_id = :case and handover_at = :at)
                        """)
                .param("agent", agent.value())
                .param("case", kase.value())
                .param("at", Timestamp.from(handoverAt))
                .query(Boolean.class)
                .single();
    }

    void dismiss(AgentId agent, CaseId kase, Instant handoverAt) {
        jdbc.sql("""
                        insert into workspace.handover_dismissal (agent_id, case_id, handover_at, dismissed_at)
                        values (:agent, :case, :at, :now)
                        on conflict do nothing
                        """)
                .param("agent", agent.value())
                .param("case", kase.value())
                .param("at", Timestamp.from(handoverAt))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
