package dev.casekeeper.followups;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.shared.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for promises and check-ins. */
@Repository
class FollowupQueries {

    private final JdbcClient jdbc;

    FollowupQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when a follow-up with the same {@code onceKey} exists. */
    boolean insert(
            UUID id,
            CaseId caseId,
            long number,
            String subject,
            Followup.Kind kind,
            @Nullable AgentId owner,
            String text,
            Instant dueAt,
            @Nullable AgentId createdBy,
            Instant now,
            @Nullable String onceKey) {
        return jdbc.sql("""
                        insert into followups.followup (id, case_id, case_number, case_subject, kind, owner_id, text, due_at,
                                                        state, created_by, created_at, once_key)
                        values (:id, :case, :number, :subject, :kind, :owner, :text, :due, 'open', :createdBy, :now, :key)
                        on conflict do nothing
                        """)
                        .param("id", id)
                        .param("case", caseId.value())
                        .param("number", number)
                        .param("subject", subject)
                        .param("kind", kind.value())
                        .param("owner", owner == null ? null : owner.value())
                        .param("text", text)
                        .param("due", Timestamp.from(dueAt))
                        .param("createdBy", createdBy == null ? null : createdBy.value())
                        .param("now", Timestamp.from(now))
                        .param("key", onceKey)
                        .update()
                == 1;
    }

    Optional<Followup> find(UUID id) {
        return jdbc.sql("select * from followups.followup where id = :id")
                .param("id", id)
                .query((rs, n) -> followup(rs))
                .optional();
    }

    Optional<Followup> lock(UUID id) {
        return jdbc.sql("select * from followups.followup where id = :id for update")
                .param("id", id)
                .query((rs, n) -> followup(rs))
                .optional();
    }

    /** Closes an open follow-up; false when it was not open any more. */
    boolean close(UUID id, Followup.State state, String outcome, AgentId by, Instant now) {
        return jdbc.sql("""
                        update followups.followup set state = :state, outcome = :outcome, closed_by = :by, closed_at = :now
                        where id = :id and state = 'open'
                        """)
                        .param("id", id)
                        .param("state", state.value())
                        .param("outcome", outcome)
                        .param("by", by.value())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Marks an open follow-up overdue; false when it was marked before or is not open. */
    boolean markOverdue(UUID id, Instant now) {
        return jdbc.sql(
                                "update followups.followup set overdue_at = :now where id = :id and state = 'open' and overdue_at is null")
                        .param("id", id)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    List<Followup> openPromises(CaseId caseId) {
        return jdbc.sql("""
                        select * from followups.followup
                        where case_id = :case and kind = 'promise' and state = 'open' order by due_at, id
                        """)
                .param("case", caseId.value())
                .query((rs, n) -> followup(rs))
                .list();
    }

    /** The open promises of these cases, soonest due first. */
    List<Followup> openPromises(Collection<CaseId> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from followups.followup
                        where case_id in (:cases) and kind = 'promise' and state = 'open' order by due_at, id
                        """)
                .param("cases", caseIds.stream().map(CaseId::value).toList())
                .query((rs, n) -> followup(rs))
                .list();
    }

    List<Followup> ofCase(CaseId caseId) {
        return jdbc.sql("select * from followups.followup where case_id = :case order by created_at, id")
                .param("case", caseId.value())
                .query((rs, n) -> followup(rs))
                .list();
    }

    /** Open follow-ups of a case move to its new owner. */
    int moveOpen(CaseId caseId, AgentId newOwner) {
        return jdbc.sql(
                        "update followups.followup set owner_id = :owner where case_id = :case and state = 'open' and owner_id is distinct from :owner")
                .param("case", caseId.value())
                .param("owner", newOwner.value())
                .update();
    }

    /** One owner's follow-ups in one state (or all), soonest due first. */
    List<Followup> ofOwner(AgentId owner, Followup.@Nullable State state, @Nullable Cursor after, int limit) {
        var sql = new StringBuilder("select * from followups.followup where owner_id = :owner");
        if (state != null) {
            sql.append(" and state = :state");
        }
        if (after != null) {
            sql.append(" and (due_at, id) > (:afterDue, :afterId)");
        }
        sql.append(" order by due_at, id limit :limit");
        var spec = jdbc.sql(sql.toString()).param("owner", owner.value()).param("limit", limit);
        if (state != null) {
            spec = spec.param("state", state.value());
        }
        if (after != null) {
            spec = spec.param("afterDue", Timestamp.from(after.createdAt())).param("afterId", after.id());
        }
        return spec.query((rs, n) -> followup(rs)).list();
    }

    private static Followup followup(ResultSet rs) throws SQLException {
        return new Followup(
                new FollowupId(rs.getObject("id", UUID.class)),
                new CaseId(rs.getObject("case_id", UUID.class)),
                rs.getLong("case_number"),
                rs.getString("case_subject"),
                Followup.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                agent(rs, "owner_id"),
                rs.getString("text"),
                rs.getTimestamp("due_at").toInstant(),
                Followup.State.from(rs.getString("state")),
                rs.getString("outcome"),
                agent(rs, "created_by"),
                rs.getTimestamp("created_at").toInstant(),
                agent(rs, "closed_by"),
                instant(rs, "closed_at"),
                instant(rs, "overdue_at"));
    }

    private static @Nullable AgentId agent(ResultSet rs, String column) throws SQLException {
        var id = rs.getObject(column, UUID.class);
        return id == null ? null : new AgentId(id);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
