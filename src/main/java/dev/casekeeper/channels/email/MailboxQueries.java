package dev.casekeeper.channels.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for mailboxes. */
@Repository
class MailboxQueries {

    private final JdbcClient jdbc;

    MailboxQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces a mailbox; false when its address belongs to another mailbox. */
    boolean save(MailboxRow row) {
        try {
            return upsert(row);
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private boolean upsert(MailboxRow row) {
        return jdbc.sql("""
                        insert into email.mailbox
                            (id, address, name, team_id, inbound_mode, imap_host, imap_port, imap_security, imap_username,
                             imap_password, imap_folder, imap_processed_folder, smtp_host, smtp_port, smtp_security,
                             smtp_username, smtp_password, ack_enabled, ack_subject, ack_body, active, created_at, updated_at)
                        values (:id, :address, :name, :team, :mode, :imapHost, :imapPort, :imapSecurity, :imapUser,
                                :imapPassword, :imapFolder, :imapProcessed, :smtpHost, :smtpPort, :smtpSecurity,
                                :smtpUser, :smtpPassword, :ackEnabled, :ackSubject, :ackBody, :active, :created, :updated)
                        on conflict (id) do update set
                            address = excluded.address, name = excluded.name, team_id = excluded.team_id,
                            inbound_mode = excluded.inbound_mode, imap_host = excluded.imap_host,
                            imap_port = excluded.imap_port, imap_security = excluded.imap_security,
                            imap_username = excluded.imap_username, imap_password = excluded.imap_password,
                            imap_folder = excluded.imap_folder, imap_processed_folder = excluded.imap_processed_folder,
                            smtp_host = excluded.smtp_host, smtp_port = excluded.smtp_port,
                            smtp_security = excluded.smtp_security, smtp_username = excluded.smtp_username,
                            smtp_password = excluded.smtp_password, ack_enabled = excluded.ack_enabled,
                            ack_subject = excluded.ack_subject, ack_body = excluded.ack_body, active = excluded.active,
                            last_poll_error = null, updated_at = excluded.updated_at
                        """)
                        .param("id", row.id())
                        .param("address", row.address())
                        .param("name", row.name())
                        .param("team", row.teamId())
                        .param("mode", row.inboundMode().value())
                        .param("imapHost", row.imapHost())
                        .param("imapPort", row.imapPort())
                        .param(
                                "imapSecurity",
                                row.imapSecurity() == null
                                        ? null
                                        : row.imapSecurity().value())
                        .param("imapUser", row.imapUsername())
                        .param("imapPassword", row.imapPassword())
                        .param("imapFolder", row.imapFolder())
                        .param("imapProcessed", row.imapProcessedFolder())
                        .param("smtpHost", row.smtpHost())
                        .param("smtpPort", row.smtpPort())
                        .param(
                                "smtpSecurity",
                                row.smtpSecurity() == null
                                        ? null
                                        : row.smtpSecurity().value())
                        .param("smtpUser", row.smtpUsername())
                        .param("smtpPassword", row.smtpPassword())
                        .param("ackEnabled", row.ackEnabled())
                        .param("ackSubject", row.ackSubject())
                        .param("ackBody", row.ackBody())
                        .param("active", row.active())
                        .param("created", Timestamp.from(row.createdAt()))
                        .param("updated", Timestamp.from(row.updatedAt()))
                        .update()
                == 1;
    }

    Optional<MailboxRow> find(UUID id) {
        return jdbc.sql("select * from email.mailbox where id = :id")
                .param("id", id)
                .query(MailboxQueries::row)
                .optional();
    }

    Optional<MailboxRow> findByAddress(String address) {
        return jdbc.sql("select * from email.mailbox where address = :address")
                .param("address", address)
                .query(MailboxQueries::row)
                .optional();
    }

    List<MailboxRow> list() {
        return jdbc.sql("select * from email.mailbox order by address")
                .query(MailboxQueries::row)
                .list();
    }

    List<MailboxRow> activeImap() {
        return jdbc.sql("select * from email.mailbox where active and inbound_mode = 'imap' order by address")
                .query(MailboxQueries::row)
                .list();
    }

    List<String> addresses() {
        return jdbc.sql("select address from email.mailbox").query(String.class).list();
    }

    void recordPoll(UUID id, Instant at, @Nullable String error) {
        jdbc.sql("update email.mailbox set last_polled_at = :at, last_poll_error = :error where id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("error", error)
                .update();
    }

    private static MailboxRow row(ResultSet rs, int n) throws SQLException {
        return new MailboxRow(
                rs.getObject("id", UUID.class),
                rs.getString("address"),
                rs.getString("name"),
                rs.getObject("team_id", UUID.class),
                InboundMode.from(rs.getString("inbound_mode")),
                rs.getString("imap_host"),
                (Integer) rs.getObject("imap_port"),
                security(rs.getString("imap_security")),
                rs.getString("imap_username"),
                rs.getString("imap_password"),
                rs.getString("imap_folder"),
                rs.getString("imap_processed_folder"),
                rs.getString("smtp_host"),
                (Integer) rs.getObject("smtp_port"),
                security(rs.getString("smtp_security")),
                rs.getString("smtp_username"),
                rs.getString("smtp_password"),
                rs.getBoolean("ack_enabled"),
                rs.getString("ack_subject"),
                rs.getString("ack_body"),
                rs.getBoolean("active"),
                instant(rs, "last_polled_at"),
                rs.getString("last_poll_error"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static @Nullable TransportSecurity security(@Nullable String value) {
        return value == null ? null : TransportSecurity.from(value);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
