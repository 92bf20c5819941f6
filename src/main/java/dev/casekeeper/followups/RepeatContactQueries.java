package dev.casekeeper.followups;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.customers.CustomerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for repeat contacts. */
@Repository
class RepeatContactQueries {

    /** One solving of a case, which a repeat contact is measured against. */
    record Solution(
            CaseId caseId,
            long number,
            Instant solvedAt,
            @Nullable AgentId ownerId,
            @Nullable TeamId teamId) {}

    private final JdbcClient jdbc;

    RepeatContactQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when this repeat was recorded before. */
    boolean record(CaseId caseId, Solution earlier, CustomerId customer, Instant now) {
        return jdbc.sql("""
                        insert into followups.repeat_contact (case_id, earlier_case_id, earlier_number, earlier_solved_at,
                                                              customer_id, agent_id, team_id, detected_at)
                        values (:case, :earlier, :number, :solved, :customer, :agent, :team, :now)
                        on conflict do nothing
                        """)
                        .param("case", caseId.value())
                        .param("earlier", earlier.caseId().value())
                        .param("number", earlier.number())
                        .param("solved", Timestamp.from(earlier.solvedAt()))
                        .param("customer", customer.value())
                        .param(
                                "agent",
                                earlier.ownerId() == null
                                        ? null
                                        : earlier.ownerId().value())
                        .param(
                                "team",
                                earlier.teamId() == null
                                        ? null
                                        : earlier.teamId().value())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    List<RepeatContact> ofCase(CaseId caseId) {
        return jdbc.sql("select * from followups.repeat_contact where case_id = :case order by detected_at")
                .param("case", caseId.value())
                .query((rs, n) -> new RepeatContact(
                        new CaseId(rs.getObject("case_id", UUID.class)),
                        new CaseId(rs.getObject("earlier_case_id", UUID.class)),
                        rs.getLong("earlier_number"),
                        rs.getTimestamp("earlier_solved_at").toInstant(),
                        agent(rs),
                        team(rs),
                        rs.getTimestamp("detected_at").toInstant()))
                .list();
    }

    Map<UUID, Long> countByAgent(Instant since, Instant until) {
        return count("agent_id", since, until);
    }

    Map<UUID, Long> countByTeam(Instant since, Instant until) {
        return count("team_id", since, until);
    }

    long total(Instant since, Instant until) {
        return jdbc.sql(
                        "select count(*) from followups.repeat_contact where detected_at >= :since and detected_at < :until")
                .param("since", Timestamp.from(since))
                .param("until", Timestamp.from(until))
                .query(Long.class)
                .single();
    }

    private Map<UUID, Long> count(String column, Instant since, Instant until) {
        return jdbc
                .sql("select " + column + " as who, count(*) as n from followups.repeat_contact"
                        + " where detected_at >= :since and detected_at < :until and " + column + " is not null"
                        + " group by " + column)
                .param("since", Timestamp.from(since))
                .param("until", Timestamp.from(until))
                .query((rs, n) -> Map.entry(rs.getObject("who", UUID.class), rs.getLong("n")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static @Nullable AgentId agent(ResultSet rs) throws SQLException {
        var id = rs.getObject("agent_id", UUID.class);
        return id == null ? null : new AgentId(id);
    }

    private static @Nullable TeamId team(ResultSet rs) throws SQLException {
        var id = rs.getObject("team_id", UUID.class);
        return id == null ? null : new TeamId(id);
    }
}
