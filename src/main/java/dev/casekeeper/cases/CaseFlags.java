package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facts other modules work out about a case and lists filter by: its SLA state (from {@code sla})
 * and whether it is heated (from {@code assist}). {@code cases} keeps a copy on the case row so a
 * saved view filters by them with its other conditions and an index (migration {@code cases/V16_19}).
 * A change, and only a change, publishes a {@link CaseUpdated} so live counts follow.
 */
@Service
@Transactional
public class CaseFlags {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CaseFlags(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Records the case's SLA state (null: no policy, or on track). */
    public void slaState(CaseId id, @Nullable SlaState state) {
        changed(
                id,
                jdbc.sql("""
                                update cases.support_case set sla_state = :state
                                where id = :id and sla_state is distinct from :state
                                returning number, team_id, owner_id""")
                        .param("id", id.value())
                        .param("state", state == null ? null : state.value())
                        .query((rs, n) -> new Row(
                                rs.getLong("number"),
                                rs.getObject("team_id", UUID.class),
                                rs.getObject("owner_id", UUID.class)))
                        .optional()
                        .orElse(null));
    }

    /** Records whether the case is heated now. */
    public void heated(CaseId id, boolean heated) {
        changed(
                id,
                jdbc.sql("""
                                update cases.support_case set heated = :heated
                                where id = :id and heated <> :heated
                                returning number, team_id, owner_id""")
                        .param("id", id.value())
                        .param("heated", heated)
                        .query((rs, n) -> new Row(
                                rs.getLong("number"),
                                rs.getObject("team_id", UUID.class),
                                rs.getObject("owner_id", UUID.class)))
                        .optional()
                        .orElse(null));
    }

    private void changed(CaseId id, @Nullable Row row) {
        if (row == null) {
            return;
        }
        var team = row.teamId() == null ? null : new TeamId(row.teamId());
        var owner = row.ownerId() == null ? null : new AgentId(row.ownerId());
        events.publishEvent(new CaseUpdated(id, row.number(), team, owner, team, owner));
    }

    private record Row(
            long number, @Nullable UUID teamId, @Nullable UUID ownerId) {}
}
