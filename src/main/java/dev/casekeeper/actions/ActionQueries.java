package dev.casekeeper.actions;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ActionQueries {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};
    private static final String SELECT = """
            select a.id, a.type_id, t.name as type_name, t.kind, a.case_id, a.case_number, a.case_subject, a.team_id,
                   a.amount, a.currency, a.fields, a.note, a.state, a.approver_role, a.manual, a.proposed_by, a.proposed_by_automation,
                   a.proposed_at, a.decided_by, a.decided_at, a.decline_reason, a.result, a.finished_at
              from actions.action a join actions.action_type t on t.id = a.type_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ActionQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Action action) {
        jdbc.sql("""
                        insert into actions.action
                            (id, type_id, case_id, case_number, case_subject, team_id, amount, currency, fields, note,
                             state, approver_role, manual, proposed_by, proposed_by_automation, proposed_at)
                        values (:id, :type, :case, :number, :subject, :team, :amount, :currency, cast(:fields as jsonb),
                                :note, :state, :approverRole, :manual, :by, :automation, :at)
                        """)
                .param("id", action.id())
                .param("type", action.typeId())
                .param("case", action.caseId().value())
                .param("number", action.caseNumber())
                .param("subject", action.caseSubject())
                .param("team", action.teamId() == null ? null : action.teamId().value())
                .param("amount", action.amount())
                .param("currency", action.currency())
                .param("fields", json.writeValueAsString(action.fields()))
                .param("note", action.note())
                .param("state", action.state().value())
                .param(
                        "approverRole",
                        action.approverRole() == null
                                ? null
                                : action.approverRole().value())
                .param("manual", action.manual())
                .param(
                        "by",
                        action.proposedBy() == null ? null : action.proposedBy().value())
                .param("automation", action.proposedBy() == null ? action.proposedByName() : null)
                .param("at", Timestamp.from(action.proposedAt()))
                .update();
    }

    Optional<Action> find(UUID id) {
        return jdbc.sql(SELECT + " where a.id = :id")
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** The action, its row locked until the transaction ends: decisions and outcomes wait for each other. */
    Optional<Action> lock(UUID id) {
        jdbc.sql("select id from actions.action where id = :id for update")
                .param("id", id)
                .query(UUID.class)
                .optional();
        return find(id);
    }

    List<Action> ofCase(CaseId caseId) {
        return jdbc.sql(SELECT + " where a.case_id = :case order by a.proposed_at, a.id")
                .param("case", caseId.value())
                .query((rs, n) -> row(rs))
                .list();
    }

    List<Action> openOfCase(CaseId caseId) {
        return jdbc.sql(SELECT + " where a.case_id = :case and a.state in ('awaiting_approval', 'running')"
                        + " order by a.proposed_at, a.id")
                .param("case", caseId.value())
                .query((rs, n) -> row(rs))
                .list();
    }

    /**
     * Actions waiting for an approval, longest waiting first: every one ({@code teams} null, for
     * admins), or those a supervisor of these teams decides (cases of no team included).
     */
    List<Action> awaiting(@Nullable Collection<TeamId> teams, int limit) {
        if (teams != null && teams.isEmpty()) {
            return jdbc.sql(SELECT + " where a.state = 'awaiting_approval' and a.approver_role = 'supervisor'"
                            + " and a.team_id is null order by a.proposed_at limit :limit")
                    .param("limit", limit)
                    .query((rs, n) -> row(rs))
                    .list();
        }
        return jdbc.sql(SELECT + """
                         where a.state = 'awaiting_approval'
                           and (cast(:all as boolean)
                                or a.approver_role = 'supervisor' and (a.team_id is null or a.team_id = any(:teams)))
                         order by a.proposed_at limit :limit
                        """)
                .param("all", teams == null)
                .param(
                        "teams",
                        teams == null
                                ? new UUID[0]
                                : teams.stream().map(TeamId::value).toArray(UUID[]::new))
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list();
    }

    void decided(UUID id, ActionState state, AgentId by, Instant at, @Nullable String reason) {
        jdbc.sql("""
                        update actions.action set state = :state, decided_by = :by, decided_at = :at, decline_reason = :reason
                         where id = :id
                        """)
                .param("id", id)
                .param("state", state.value())
                .param("by", by.value())
                .param("at", Timestamp.from(at))
                .param("reason", reason)
                .update();
    }

    void finished(UUID id, ActionState state, @Nullable AgentId by, Instant at, @Nullable String result) {
        jdbc.sql("""
                        update actions.action set state = :state, finished_by = :by, finished_at = :at, result = :result
                         where id = :id
                        """)
                .param("id", id)
                .param("state", state.value())
                .param("by", by == null ? null : by.value())
                .param("at", Timestamp.from(at))
                .param("result", result)
                .update();
    }

    private Action row(ResultSet rs) throws SQLException {
        var team = rs.getObject("team_id", UUID.class);
        var approver = rs.getString("approver_role");
        var decidedBy = rs.getObject("decided_by", UUID.class);
        var proposer = rs.getObject("proposed_by", UUID.class);
        return new Action(
                rs.getObject("id", UUID.class),
                rs.getObject("type_id", UUID.class),
                rs.getString("type_name"),
                ActionKind.of(rs.getString("kind")),
                new CaseId(rs.getObject("case_id", UUID.class)),
                rs.getLong("case_number"),
                rs.getString("case_subject"),
                team == null ? null : new TeamId(team),
                (BigDecimal) rs.getObject("amount"),
                rs.getString("currency"),
                json.readValue(rs.getString("fields"), FIELDS),
                rs.getString("note"),
                ActionState.of(rs.getString("state")),
                approver == null ? null : Role.from(approver),
                rs.getBoolean("manual"),
                proposer == null ? null : new AgentId(proposer),
                proposer == null ? rs.getString("proposed_by_automation") : "",
                rs.getTimestamp("proposed_at").toInstant(),
                decidedBy == null ? null : new AgentId(decidedBy),
                instant(rs.getTimestamp("decided_at")),
                rs.getString("decline_reason"),
                rs.getString("result"),
                instant(rs.getTimestamp("finished_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
