package dev.casekeeper.channels.email;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the email side of cases: message ids, reply tokens, where replies go, who is copied. */
@Repository
class ThreadQueries {

    private final JdbcClient jdbc;

    ThreadQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case a message id belongs to; the newest when different messages shared the id. */
    Optional<UUID> caseOfMessageIds(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select case_id from email.message_ref where message_id in (:ids)
                        order by created_at desc limit 1
                        """).param("ids", messageIds).query(UUID.class).optional();
    }

    void addMessageRef(String messageId, UUID caseId, String direction, Instant now) {
        jdbc.sql("""
                        insert into email.message_ref (message_id, case_id, direction, created_at)
                        values (:id, :case, :direction, :now)
                        on conflict do nothing
                        """)
                .param("id", messageId)
                .param("case", caseId)
                .param("direction", direction)
                .param("now", Timestamp.from(now))
                .update();
    }

    record CaseThread(
            UUID caseId,
            UUID mailboxId,
            String replyToken,
            String customerAddress,
            @Nullable String lastMessageId,
            List<String> references) {}

    Optional<CaseThread> thread(UUID caseId) {
        return jdbc.sql("select * from email.case_thread where case_id = :case")
                .param("case", caseId)
                .query((rs, n) -> new CaseThread(
                        rs.getObject("case_id", UUID.class),
                        rs.getObject("mailbox_id", UUID.class),
                        rs.getString("reply_token"),
                        rs.getString("customer_address"),
                        rs.getString("last_message_id"),
                        List.of((String[]) rs.getArray("references_ids").getArray())))
                .optional();
    }

    Optional<UUID> caseOfToken(String token) {
        return jdbc.sql("select case_id from email.case_thread where reply_token = :token")
                .param("token", token)
                .query(UUID.class)
                .optional();
    }

    /** Creates the case's thread, or moves it on: the latest message, references and where replies go. */
    void saveThread(
            UUID caseId,
            UUID mailboxId,
            String newToken,
            @Nullable String customerAddress,
            @Nullable String messageId,
            List<String> references,
            Instant now) {
        jdbc.sql("""
                        insert into email.case_thread
                            (case_id, mailbox_id, reply_token, customer_address, last_message_id, references_ids, updated_at)
                        values (:case, :mailbox, :token, coalesce(:customer, ''), :messageId,
                                string_to_array(:refs, chr(31)), :now)
                        on conflict (case_id) do update set
                            customer_address = coalesce(:customer, email.case_thread.customer_address),
                            last_message_id = coalesce(:messageId, email.case_thread.last_message_id),
                            references_ids = case when :refs = '' then email.case_thread.references_ids
                                                  else string_to_array(:refs, chr(31)) end,
                            updated_at = :now
                        """)
                .param("case", caseId)
                .param("mailbox", mailboxId)
                .param("token", newToken)
                .param("customer", customerAddress)
                .param("messageId", messageId)
                .param("refs", String.join("\u001f", references))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Adds people copied on the case, in one statement; an address already there (in any case) is kept once. */
    void addParticipants(UUID caseId, Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into email.case_participant (case_id, address)
                        select :case, a.address from unnest(string_to_array(:addresses, chr(31))) as a(address)
                        where not exists (select 1 from email.case_participant p
                                          where p.case_id = :case and lower(p.address) = lower(a.address))
                        on conflict do nothing
                        """)
                .param("case", caseId)
                .param("addresses", String.join("\u001f", addresses))
                .update();
    }

    boolean isParticipant(UUID caseId, String address) {
        return jdbc.sql(
                                "select count(*) from email.case_participant where case_id = :case and lower(address) = lower(:address)")
                        .param("case", caseId)
                        .param("address", address)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<String> participants(UUID caseId) {
        return jdbc.sql("select address from email.case_participant where case_id = :case order by address")
                .param("case", caseId)
                .query(String.class)
                .list();
    }
}
