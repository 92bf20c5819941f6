package dev.casekeeper.channels.email;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the block list and the mail it suspended. */
@Repository
class BlockListQueries {

    /** A suspended message's row. */
    record SuspendedRow(
            UUID id,
            String mailbox,
            @Nullable String from,
            @Nullable String subject,
            long size,
            Instant receivedAt,
            String blockedBy,
            Instant suspendedAt) {}

    private final JdbcClient jdbc;

    BlockListQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the block; false when the value is already blocked. */
    boolean insert(UUID id, String kind, String value, @Nullable UUID by, Instant now) {
        return jdbc.sql("""
                        insert into email.blocked_sender (id, kind, value, created_by, created_at)
                        values (:id, :kind, :value, :by, :now)
                        on conflict (value) do nothing
                        """)
                        .param("id", id)
                        .param("kind", kind)
                        .param("value", value)
                        .param("by", by)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from email.blocked_sender where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    List<BlockedSender> list() {
        return jdbc.sql("select id, kind, value, created_at from email.blocked_sender order by value")
                .query((rs, n) -> new BlockedSender(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("value"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    Optional<BlockedSender> byValue(String value) {
        return list().stream().filter(b -> b.value().equals(value)).findFirst();
    }

    /** The block that catches the address (the address itself first, then its domain), if any. */
    Optional<String> blocking(String address, String domain) {
        return jdbc.sql("""
                        select value from email.blocked_sender where value in (:address, :domain)
                        order by kind limit 1
                        """)
                .param("address", address)
                .param("domain", domain)
                .query(String.class)
                .optional();
    }

    boolean released(UUID inboundId) {
        return jdbc.sql("select released_at is not null from email.inbound_message where id = :id")
                .param("id", inboundId)
                .query(Boolean.class)
                .single();
    }

    void suspend(UUID inboundId, String blockedBy, String from, @Nullable String subject, Instant now) {
        jdbc.sql("""
                        update email.inbound_message
                        set state = 'suspended', suspended_at = :now, blocked_sender = :by, suspended_from = :from,
                            suspended_subject = :subject, attempts = attempts + 1
                        where id = :id
                        """)
                .param("id", inboundId)
                .param("by", blockedBy)
                .param("from", from)
                .param("subject", subject)
                .param("now", Timestamp.from(now))
                .update();
    }

    List<SuspendedRow> suspended() {
        return jdbc.sql("""
                        select i.id, m.address, i.suspended_from, i.suspended_subject, i.size, i.received_at,
                               i.blocked_sender,
                               i.suspended_at
                        from email.inbound_message i join email.mailbox m on m.id = i.mailbox_id
                        where i.state = 'suspended'
                        order by i.suspended_at desc, i.id
                        limit 500
                        """)
                .query((rs, n) -> new SuspendedRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("address"),
                        rs.getString("suspended_from"),
                        rs.getString("suspended_subject"),
                        rs.getLong("size"),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getString("blocked_sender"),
                        rs.getTimestamp("suspended_at").toInstant()))
                .list();
    }

    /** Puts a suspended message back in the parsing queue, to be ingested past the block; false if none. */
    boolean release(UUID inboundId, Instant now) {
        return jdbc.sql("""
                        update email.inbound_message
                        set state = 'received', released_at = :now, attempts = 0
                        where id = :id and state = 'suspended'
                        """)
                        .param("id", inboundId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    int purge(Instant before) {
        return jdbc.sql("delete from email.inbound_message where state = 'suspended' and suspended_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }
}
