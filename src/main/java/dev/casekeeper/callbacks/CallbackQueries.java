package dev.casekeeper.callbacks;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for callback tasks. */
@Repository
class CallbackQueries {

    private final JdbcClient jdbc;

    CallbackQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when a callback with the same {@code onceKey} exists. */
    boolean insert(
            UUID id,
            CaseId caseId,
            long number,
            String subject,
            @Nullable TeamId team,
            RequestCallback request,
            CallbackWindow window,
            @Nullable AgentId createdBy,
            Instant now) {
        return jdbc.sql("""
                        insert into callbacks.callback (id, case_id, case_number, case_subject, team_id, owner_id, phone, email,
                                                        window_from, window_until, source, note, state, created_by, created_at,
                                                        once_key)
                        values (:id, :case, :number, :subject, :team, :owner, :phone, :email, :from, :until, :source, :note,
                                'open', :createdBy, :now, :key)
                        on conflict do nothing
                        """)
                        .param("id", id)
                        .param("case", caseId.value())
                        .param("number", number)
                        .param("subject", subject)
                        .param("team", team == null ? null : team.value())
                        .param(
                                "owner",
                                request.ownerId() == null
                                        ? null
                                        : request.ownerId().value())
                        .param("phone", request.phone())
                        .param("email", request.email())
                        .param("from", Timestamp.from(window.from()))
                        .param("until", Timestamp.from(window.until()))
                        .param("source", request.source().value())
                        .param("note", request.note())
                        .param("createdBy", createdBy == null ? null : createdBy.value())
                        .param("now", Timestamp.from(now))
                        .param("key", request.onceKey())
                        .update()
                == 1;
    }

    Optional<Callback> find(UUID id) {
        return jdbc.sql("select * from callbacks.callback where id = :id")
                .param("id", id)
                .query((rs, n) -> callback(rs))
                .optional();
    }

    Optional<Callback> byOnceKey(String key) {
        return jdbc.sql("select * from callbacks.callback where once_key = :key")
                .param("key", key)
                .query((rs, n) -> callback(rs))
                .optional();
    }

    Optional<Callback> lock(UUID id) {
        return jdbc.sql("select * from callbacks.callback where id = :id for update")
                .param("id", id)
                .query((rs, n) -> callback(rs))
                .optional();
    }

    void owner(UUID id, AgentId owner) {
        jdbc.sql("update callbacks.callback set owner_id = :owner where id = :id")
                .param("id", id)
                .param("owner", owner.value())
                .update();
    }

    /** Another try in a new window: the overdue mark goes, as the new window is not overdue. */
    void retry(UUID id, @Nullable String note, CallbackWindow window) {
        jdbc.sql("""
                        update callbacks.callback set attempts = attempts + 1, outcome = 'no_answer', outcome_note = :note,
                            window_from = :from, window_until = :until, overdue_at = null
                        where id = :id
                        """)
                .param("id", id)
                .param("note", note)
                .param("from", Timestamp.from(window.from()))
                .param("until", Timestamp.from(window.until()))
                .update();
    }

    void done(UUID id, Callback.Outcome outcome, @Nullable String note, AgentId by, Instant now) {
        jdbc.sql("""
                        update callbacks.callback set state = 'done', attempts = attempts + 1, outcome = :outcome,
                            outcome_note = :note, done_by = :by, done_at = :now
                        where id = :id
                        """)
                .param("id", id)
                .param("outcome", outcome.value())
                .param("note", note)
                .param("by", by.value())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Marks an open callback overdue once; false when it was marked already. */
    boolean markOverdue(UUID id, Instant now) {
        return jdbc.sql("""
                        update callbacks.callback set overdue_at = :now
                        where id = :id and state = 'open' and overdue_at is null
                        """).param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    List<Callback> openOfCase(CaseId caseId) {
        return jdbc.sql("""
                        select * from callbacks.callback where case_id = :case and state = 'open'
                        order by window_until, id
                        """)
                .param("case", caseId.value())
                .query((rs, n) -> callback(rs))
                .list();
    }

    List<Callback> ofCase(CaseId caseId) {
        return jdbc.sql("select * from callbacks.callback where case_id = :case order by created_at, id")
                .param("case", caseId.value())
                .query((rs, n) -> callback(rs))
                .list();
    }

    /** Open callbacks owned by the agent, soonest due first. */
    List<Callback> openOfOwner(AgentId owner, int limit) {
        return jdbc.sql("""
                        select * from callbacks.callback where owner_id = :owner and state = 'open'
                        order by window_until, id limit :limit
                        """)
                .param("owner", owner.value())
                .param("limit", limit)
                .query((rs, n) -> callback(rs))
                .list();
    }

    /** Open callbacks nobody has taken, of these teams (null: of every team), soonest due first. */
    List<Callback> openUnowned(@Nullable Collection<TeamId> teams, int limit) {
        if (teams != null && teams.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from callbacks.callback
                        where owner_id is null and state = 'open' and (:all or team_id = any(:teams))
                        order by window_until, id limit :limit
                        """)
                .param("all", teams == null)
                .param(
                        "teams",
                        teams == null
                                ? new UUID[0]
                                : teams.stream().map(TeamId::value).toArray(UUID[]::new))
                .param("limit", limit)
                .query((rs, n) -> callback(rs))
                .list();
    }

    /** Every open callback, owned or not, soonest due first: for the supervisors' page. */
    List<Callback> allOpen(int limit) {
        return jdbc.sql("select * from callbacks.callback where state = 'open' order by window_until, id limit :limit")
                .param("limit", limit)
                .query((rs, n) -> callback(rs))
                .list();
    }

    private static Callback callback(ResultSet rs) throws SQLException {
        var team = rs.getObject("team_id", UUID.class);
        var owner = rs.getObject("owner_id", UUID.class);
        var createdBy = rs.getObject("created_by", UUID.class);
        var doneBy = rs.getObject("done_by", UUID.class);
        var outcome = rs.getString("outcome");
        return new Callback(
                new CallbackId(rs.getObject("id", UUID.class)),
                new CaseId(rs.getObject("case_id", UUID.class)),
                rs.getLong("case_number"),
                rs.getString("case_subject"),
                team == null ? null : new TeamId(team),
                owner == null ? null : new AgentId(owner),
                rs.getString("phone"),
                rs.getString("email"),
                new CallbackWindow(instant(rs, "window_from"), instant(rs, "window_until")),
                Callback.Source.from(rs.getString("source")),
                rs.getString("note"),
                Callback.State.from(rs.getString("state")),
                rs.getInt("attempts"),
                outcome == null ? null : Callback.Outcome.from(outcome),
                rs.getString("outcome_note"),
                createdBy == null ? null : new AgentId(createdBy),
                instant(rs, "created_at"),
                doneBy == null ? null : new AgentId(doneBy),
                nullableInstant(rs, "done_at"),
                nullableInstant(rs, "overdue_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
