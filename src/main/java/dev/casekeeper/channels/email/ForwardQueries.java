package dev.casekeeper.channels.email;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for forwards: to whom each went, and how their answer is recognised. */
@Repository
class ForwardQueries {

    /** A forward sent from a case: its addressees may answer into the case. */
    record Forward(UUID entryId, UUID caseId, List<String> addresses) {

        boolean sentToAll(Collection<String> authors) {
            return !authors.isEmpty() && authors.stream().allMatch(a -> addresses.contains(a.toLowerCase(Locale.ROOT)));
        }
    }

    private final JdbcClient jdbc;

    ForwardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID entryId, UUID caseId, String token, String messageId, List<String> addresses, Instant now) {
        jdbc.sql("""
                        insert into email.forward (entry_id, case_id, token, message_id, addresses, created_at)
                        values (:entry, :case, :token, :messageId, string_to_array(:addresses, chr(31)), :now)
                        on conflict do nothing
                        """)
                .param("entry", entryId)
                .param("case", caseId)
                .param("token", token)
                .param("messageId", messageId)
                .param(
                        "addresses",
                        String.join(
                                "\u001f",
                                addresses.stream()
                                        .map(a -> a.toLowerCase(Locale.ROOT))
                                        .toList()))
                .param("now", Timestamp.from(now))
                .update();
    }

    Optional<Forward> byMessageIds(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select * from email.forward where message_id in (:ids) order by created_at desc limit 1")
                .param("ids", messageIds)
                .query(ForwardQueries::row)
                .optional();
    }

    Optional<Forward> byToken(String token) {
        return jdbc.sql("select * from email.forward where token = :token")
                .param("token", token)
                .query(ForwardQueries::row)
                .optional();
    }

    /** Whether every author was sent a forward of the case. */
    boolean forwardedTo(UUID caseId, Collection<String> authors) {
        var forwards = jdbc.sql("select * from email.forward where case_id = :case")
                .param("case", caseId)
                .query(ForwardQueries::row)
                .list();
        return !authors.isEmpty()
                && authors.stream().allMatch(a -> forwards.stream().anyMatch(f -> f.sentToAll(List.of(a))));
    }

    private static Forward row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Forward(rs.getObject("entry_id", UUID.class), rs.getObject("case_id", UUID.class), List.of((String[])
                rs.getArray("addresses").getArray()));
    }
}
