package dev.casekeeper.channels.email;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the outbox. */
@Repository
class OutboundQueries {

    private final JdbcClient jdbc;

    OutboundQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    enum Kind {
        REPLY,
        ACKNOWLEDGEMENT;

        String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Outbound(
            UUID id,
            Kind kind,
            UUID mailboxId,
            UUID caseId,
            @Nullable UUID entryId,
            String recipient,
            List<String> cc,
            String messageId,
            byte[] raw,
            String state,
            int attempts) {}

    /** Queues a message; false when this reply is already queued (a repeated event). */
    boolean queue(
            UUID id,
            Kind kind,
            UUID mailboxId,
            UUID caseId,
            @Nullable UUID entryId,
            String recipient,
            List<String> cc,
            String messageId,
            byte[] raw,
            Instant now) {
        return jdbc.sql("""
                        insert into email.outbound_message
                            (id, kind, mailbox_id, case_id, entry_id, recipient, cc, message_id, raw, state, created_at)
                        values (:id, :kind, :mailbox, :case, :entry, :recipient, string_to_array(:cc, chr(31)), :messageId,
                                :raw, 'queued', :now)
                        on conflict (entry_id) do nothing
                        """)
                        .param("id", id)
                        .param("kind", kind.value())
                        .param("mailbox", mailboxId)
                        .param("case", caseId)
                        .param("entry", entryId)
                        .param("recipient", recipient)
                        .param("cc", String.join("\u001f", cc))
                        .param("messageId", messageId)
                        .param("raw", raw)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Whether the mail telling the customer the case was solved at that time was queued (a reply without an entry). */
    boolean solvedMailQueued(UUID caseId, java.time.Instant solvedAt) {
        return jdbc.sql("""
                        select exists (select 1 from email.outbound_message
                        where case_id = :case and kind = 'reply' and entry_id is null and created_at >= :since)""")
                .param("case", caseId)
                .param("since", java.sql.Timestamp.from(solvedAt))
                .query(Boolean.class)
                .single();
    }

    boolean isQueued(UUID entryId) {
        return jdbc.sql("select count(*) from email.outbound_message where entry_id = :entry")
                        .param("entry", entryId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<Outbound> find(UUID id) {
        return jdbc.sql("select * from email.outbound_message where id = :id")
                .param("id", id)
                .query((rs, n) -> new Outbound(
                        rs.getObject("id", UUID.class),
                        OutboundQueries.Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                        rs.getObject("mailbox_id", UUID.class),
                        rs.getObject("case_id", UUID.class),
                        rs.getObject("entry_id", UUID.class),
                        rs.getString("recipient"),
                        List.of((String[]) rs.getArray("cc").getArray()),
                        rs.getString("message_id"),
                        rs.getBytes("raw"),
                        rs.getString("state"),
                        rs.getInt("attempts")))
                .optional();
    }

    void attemptFailed(UUID id, String error) {
        jdbc.sql("update email.outbound_message set attempts = attempts + 1, last_error = :error where id = :id")
                .param("id", id)
                .param("error", error)
                .update();
    }

    void sent(UUID id, Instant now) {
        jdbc.sql(
                        "update email.outbound_message set state = 'sent', attempts = attempts + 1, sent_at = :now, last_error = null where id = :id")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .update();
    }

    void failed(UUID id, String error) {
        jdbc.sql("update email.outbound_message set state = 'failed', last_error = :error where id = :id")
                .param("id", id)
                .param("error", error)
                .update();
    }

    /**
     * Acknowledgements sent to this address since {@code since}, for the per-sender limit. Takes a lock
     * on the address held until the transaction ends, so two messages ingested at once by different
     * workers or nodes count one after the other: count and queue are one step, and the cap holds.
     */
    int lockAndCountAcknowledgementsTo(String recipient, Instant since) {
        jdbc.sql(
                        "select pg_advisory_xact_lock(hashtextextended('casekeeper.acknowledgement:' || lower(:recipient), 0))")
                .param("recipient", recipient)
                .query((rs, n) -> 1)
                .list();
        return jdbc.sql("""
                        select count(*) from email.outbound_message
                        where kind = 'acknowledgement' and recipient = :recipient and created_at > :since
                        """)
                .param("recipient", recipient)
                .param("since", Timestamp.from(since))
                .query(Integer.class)
                .single();
    }
}
