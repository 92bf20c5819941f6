package dev.casekeeper.actions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox of calls to the companies' systems, and each call's attempts. */
@Repository
class ActionCallQueries {

    /** A call taken for an attempt, with where it goes. */
    record Taken(
            UUID id,
            UUID actionId,
            UUID typeId,
            String body,
            int attempt,
            Instant createdAt,
            @Nullable String url,
            @Nullable String sealedSecret) {}

    private final JdbcClient jdbc;

    ActionCallQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID action, String body, Instant now) {
        jdbc.sql("""
                        insert into actions.call (id, action_id, body, created_at, state, next_attempt_at)
                        values (:id, :action, :body, :now, 'pending', :now)
                        """)
                .param("id", id)
                .param("action", action)
                .param("body", body)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Takes up to {@code limit} due calls, oldest due first, and moves them to {@code retryIfLost}: another
     * node retries one only if this one died during its attempt. {@code SKIP LOCKED}, so nodes taking at
     * once take different calls.
     */
    List<Taken> take(Instant now, Instant retryIfLost, int limit) {
        return jdbc.sql("""
                        with due as (
                            select c.id from actions.call c
                             where c.state = 'pending' and c.next_attempt_at <= :now
                             order by c.next_attempt_at
                             limit :limit
                               for update skip locked)
                        update actions.call c
                           set next_attempt_at = :lost, attempts = c.attempts + 1
                          from due, actions.action a, actions.action_type t
                         where c.id = due.id and a.id = c.action_id and t.id = a.type_id
                        returning c.id, c.action_id, t.id as type_id, c.body, c.attempts, c.created_at,
                                  t.endpoint_url, t.endpoint_secret
                        """)
                .param("now", Timestamp.from(now))
                .param("lost", Timestamp.from(retryIfLost))
                .param("limit", limit)
                .query((rs, n) -> new Taken(
                        rs.getObject("id", UUID.class),
                        rs.getObject("action_id", UUID.class),
                        rs.getObject("type_id", UUID.class),
                        rs.getString("body"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("endpoint_url"),
                        rs.getString("endpoint_secret")))
                .list();
    }

    /** Records an attempt and where it leaves the call: delivered, due again at {@code retryAt}, or given up. */
    void attempted(
            Taken call,
            Instant at,
            @Nullable Integer status,
            int durationMs,
            @Nullable String detail,
            boolean delivered,
            @Nullable Instant retryAt) {
        jdbc.sql("""
                        insert into actions.call_attempt (call_id, number, attempted_at, status, duration_ms, detail)
                        values (:id, :number, :at, :status, :ms, :detail)
                        on conflict do nothing
                        """)
                .param("id", call.id())
                .param("number", call.attempt())
                .param("at", Timestamp.from(at))
                .param("status", status)
                .param("ms", durationMs)
                .param("detail", detail)
                .update();
        jdbc.sql("""
                        update actions.call
                           set state = :state, next_attempt_at = :retry, last_status = :status, last_error = :error
                         where id = :id
                        """)
                .param("id", call.id())
                .param("state", delivered ? "delivered" : retryAt != null ? "pending" : "failed")
                .param("retry", retryAt == null ? null : Timestamp.from(retryAt))
                .param("status", status)
                .param("error", delivered ? null : detail)
                .update();
    }

    /** How many attempts the action's call has had, for the case page. */
    int attempts(UUID action) {
        return jdbc.sql("select coalesce(max(attempts), 0) from actions.call where action_id = :action")
                .param("action", action)
                .query(Integer.class)
                .single();
    }
}
