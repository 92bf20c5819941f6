package dev.casekeeper.channels.email;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for stored raw messages and the parsing queue. */
@Repository
class InboundQueries {

    private final JdbcClient jdbc;

    InboundQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a raw message once per mailbox; false when the same message is already stored there. */
    boolean insert(
            UUID id,
            UUID mailboxId,
            String source,
            @Nullable String envelopeFrom,
            List<String> envelopeTo,
            @Nullable String messageId,
            byte[] contentHash,
            byte[] raw,
            Instant now) {
        return jdbc.sql("""
                        insert into email.inbound_message
                            (id, mailbox_id, source, envelope_from, envelope_to, message_id, content_hash, raw, size, received_at)
                        values (:id, :mailbox, :source, :from, string_to_array(:to, chr(31)), :messageId, :hash, :raw, :size, :now)
                        on conflict (mailbox_id, content_hash) do nothing
                        """)
                        .param("id", id)
                        .param("mailbox", mailboxId)
                        .param("source", source)
                        .param("from", envelopeFrom)
                        .param("to", String.join("\u001f", envelopeTo))
                        .param("messageId", messageId)
                        .param("hash", contentHash)
                        .param("raw", raw)
                        .param("size", raw.length)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** A stored message waiting for parsing, locked for this transaction; other workers skip it. */
    record Waiting(
            UUID id,
            UUID mailboxId,
            String source,
            @Nullable String envelopeFrom,
            List<String> envelopeTo,
            byte[] raw,
            int attempts,
            Instant receivedAt) {}

    /** Up to {@code limit} waiting messages, oldest first, locked for this transaction; other workers skip them. */
    List<Waiting> claim(int limit) {
        return jdbc.sql("""
                        select id, mailbox_id, source, envelope_from, envelope_to, raw, attempts, received_at
                        from email.inbound_message
                        where state = 'received'
                        order by received_at, id
                        limit :limit
                        for update skip locked
                        """)
                .param("limit", limit)
                .query((rs, n) -> new Waiting(
                        rs.getObject("id", UUID.class),
                        rs.getObject("mailbox_id", UUID.class),
                        rs.getString("source"),
                        rs.getString("envelope_from"),
                        List.of((String[]) rs.getArray("envelope_to").getArray()),
                        rs.getBytes("raw"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    void processed(UUID id, UUID caseId, UUID entryId, @Nullable String automatic, Instant now) {
        jdbc.sql("""
                        update email.inbound_message
                        set state = 'processed', case_id = :case, entry_id = :entry, automatic = :automatic,
                            processed_at = :now, attempts = attempts + 1
                        where id = :id
                        """)
                .param("id", id)
                .param("case", caseId)
                .param("entry", entryId)
                .param("automatic", automatic)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Counts a failed attempt, in its own transaction, so a message that breaks the parser is not retried forever. */
    int failedAttempt(UUID id, String error) {
        return jdbc.sql("""
                        update email.inbound_message set attempts = attempts + 1, last_error = :error
                        where id = :id and state = 'received'
                        returning attempts
                        """)
                .param("id", id)
                .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    void failed(UUID id, String error, Instant now) {
        jdbc.sql(
                        "update email.inbound_message set state = 'failed', last_error = :error, processed_at = :now where id = :id")
                .param("id", id)
                .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .param("now", Timestamp.from(now))
                .update();
    }

    long waiting() {
        return jdbc.sql("select count(*) from email.inbound_message where state = 'received'")
                .query(Long.class)
                .single();
    }
}
