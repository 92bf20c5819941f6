package dev.casekeeper.feedback;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Compliments and complaints: written once, never changed (a trigger refuses it). */
@Component
class RemarkQueries {

    private final JdbcClient jdbc;

    RemarkQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Compliment compliment, UUID customerId, @Nullable UUID teamId) {
        jdbc.sql("""
                        insert into feedback.compliment (id, case_id, case_number, agent_id, team_id, customer_id, text, created_at)
                        values (:id, :case, :number, :agent, :team, :customer, :text, :at)""")
                .param("id", compliment.id())
                .param("case", compliment.caseId().value())
                .param("number", compliment.caseNumber())
                .param(
                        "agent",
                        compliment.agentId() == null
                                ? null
                                : compliment.agentId().value())
                .param("team", teamId)
                .param("customer", customerId)
                .param("text", compliment.text())
                .param("at", Timestamp.from(compliment.createdAt()))
                .update();
    }

    /** The agent's compliments, newest first. */
    List<Compliment> complimentsOf(UUID agentId, int limit) {
        return jdbc.sql(
                        "select * from feedback.compliment where agent_id = :agent order by created_at desc limit :limit")
                .param("agent", agentId)
                .param("limit", limit)
                .query((rs, n) -> compliment(rs))
                .list();
    }

    List<Compliment> complimentsOn(UUID caseId) {
        return jdbc.sql("select * from feedback.compliment where case_id = :case order by created_at")
                .param("case", caseId)
                .query((rs, n) -> compliment(rs))
                .list();
    }

    void insert(Complaint complaint, UUID customerId) {
        jdbc.sql("""
                        insert into feedback.complaint (id, case_id, case_number, complaint_case_id, complaint_case_number,
                            agent_id, supervisor_id, customer_id, text, created_at)
                        values (:id, :case, :number, :complaintCase, :complaintNumber, :agent, :supervisor, :customer,
                            :text, :at)""")
                .param("id", complaint.id())
                .param("case", complaint.caseId().value())
                .param("number", complaint.caseNumber())
                .param("complaintCase", complaint.complaintCaseId().value())
                .param("complaintNumber", complaint.complaintCaseNumber())
                .param(
                        "agent",
                        complaint.agentId() == null ? null : complaint.agentId().value())
                .param(
                        "supervisor",
                        complaint.supervisorId() == null
                                ? null
                                : complaint.supervisorId().value())
                .param("customer", customerId)
                .param("text", complaint.text())
                .param("at", Timestamp.from(complaint.createdAt()))
                .update();
    }

    /** The complaints made on the case, and the one the case is (when it is a complaint case). */
    List<Complaint> complaintsOf(UUID caseId) {
        return jdbc.sql("""
                        select * from feedback.complaint where case_id = :case or complaint_case_id = :case
                        order by created_at""")
                .param("case", caseId)
                .query((rs, n) -> complaint(rs))
                .list();
    }

    /** True the first time it is asked for this name in this database; the caller then does the thing. */
    boolean firstTime(String name, java.time.Instant now) {
        return jdbc.sql("insert into feedback.done_once (name, done_at) values (:name, :at) on conflict do nothing")
                        .param("name", name)
                        .param("at", Timestamp.from(now))
                        .update()
                > 0;
    }

    private static Compliment compliment(ResultSet rs) throws SQLException {
        return new Compliment(
                rs.getObject("id", UUID.class),
                new CaseId(rs.getObject("case_id", UUID.class)),
                rs.getLong("case_number"),
                RatingQueries.id(rs, "agent_id", AgentId::new),
                rs.getString("text"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Complaint complaint(ResultSet rs) throws SQLException {
        return new Complaint(
                rs.getObject("id", UUID.class),
                new CaseId(rs.getObject("case_id", UUID.class)),
                rs.getLong("case_number"),
                new CaseId(rs.getObject("complaint_case_id", UUID.class)),
                rs.getLong("complaint_case_number"),
                RatingQueries.id(rs, "agent_id", AgentId::new),
                RatingQueries.id(rs, "supervisor_id", AgentId::new),
                rs.getString("text"),
                rs.getTimestamp("created_at").toInstant());
    }
}
