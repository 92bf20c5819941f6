package dev.casekeeper.notifications;

import dev.casekeeper.agents.AgentId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the notification inbox. */
@Repository
class NotificationQueries {

    private final JdbcClient jdbc;

    NotificationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when this recipient already has a notification with this key. */
    boolean insert(
            UUID id, UUID recipient, String kind, @Nullable UUID caseId, String text, String onceKey, Instant now) {
        return jdbc.sql("""
                        insert into notifications.notification (id, recipient_id, kind, case_id, text, dedup_key, created_at)
                        values (:id, :recipient, :kind, :case, :text, :key, :now)
                        on conflict (recipient_id, dedup_key) do nothing
                        """)
                        .param("id", id)
                        .param("recipient", recipient)
                        .param("kind", kind)
                        .param("case", caseId)
                        .param("text", text)
                        .param("key", onceKey)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Position in an inbox ordered unread first, then newest first. */
    record Position(boolean unread, Instant createdAt, UUID id) {}

    List<Notification> inbox(UUID recipient, @Nullable Position after, int limit) {
        String where = after == null
                ? ""
                : " and (case when read_at is null then 1 else 0 end, created_at, id) < (:unread, :at, :id)";
        var spec = jdbc.sql("""
                        select * from notifications.notification
                        where recipient_id = :recipient""" + where + """

                        order by (read_at is null) desc, created_at desc, id desc
                        limit :limit
                        """).param("recipient", recipient).param("limit", limit);
        if (after != null) {
            spec = spec.param("unread", after.unread() ? 1 : 0)
                    .param("at", Timestamp.from(after.createdAt()))
                    .param("id", after.id());
        }
        return spec.query((rs, n) -> notification(rs)).list();
    }

    long unread(UUID recipient) {
        return jdbc.sql("select count(*) from notifications.notification where recipient_id = :r and read_at is null")
                .param("r", recipient)
                .query(Long.class)
                .single();
    }

    Optional<Notification> find(UUID id) {
        return jdbc.sql("select * from notifications.notification where id = :id")
                .param("id", id)
                .query((rs, n) -> notification(rs))
                .optional();
    }

    void markRead(UUID id, Instant now) {
        jdbc.sql("update notifications.notification set read_at = :now where id = :id and read_at is null")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .update();
    }

    int markAllRead(UUID recipient, Instant now) {
        return jdbc.sql(
                        "update notifications.notification set read_at = :now where recipient_id = :r and read_at is null")
                .param("r", recipient)
                .param("now", Timestamp.from(now))
                .update();
    }

    private static Notification notification(ResultSet rs) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Notification(
                rs.getObject("id", UUID.class),
                new AgentId(rs.getObject("recipient_id", UUID.class)),
                rs.getString("kind"),
                rs.getObject("case_id", UUID.class),
                rs.getString("text"),
                rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }

    /** Rewrites the notifications of a case told under a key and marks them read; answers whose were unread. */
    List<AgentId> withdraw(UUID caseId, String onceKey, String text, Instant now) {
        return jdbc.sql("""
                        with told as (
                            select id, recipient_id, read_at is null as unread from notifications.notification
                            where case_id = :case and dedup_key = :key
                            for update),
                        withdrawn as (
                            update notifications.notification n set text = :text, read_at = coalesce(n.read_at, :now)
                            from told where n.id = told.id)
                        select recipient_id from told where unread
                        """)
                .param("text", text)
                .param("now", Timestamp.from(now))
                .param("case", caseId)
                .param("key", onceKey)
                .query((rs, n) -> new AgentId(rs.getObject("recipient_id", UUID.class)))
                .list();
    }

    int replaceTexts(java.util.UUID[] cases, String[] keyPatterns, String text) {
        return jdbc.sql("""
                        update notifications.notification set text = :text
                        where case_id = any(:cases) and dedup_key like any(:patterns)
                        """)
                .param("text", text)
                .param("cases", cases)
                .param("patterns", keyPatterns)
                .update();
    }
}
