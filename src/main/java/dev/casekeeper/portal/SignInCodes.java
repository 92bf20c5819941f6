package dev.casekeeper.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The sign-in codes and links sent by email, as digests; see {@code portal/V1__create_portal_schema.sql}. */
@Component
class SignInCodes {

    /** A code that may still be used: not spent, not expired, not worn out by wrong guesses. */
    record Live(UUID id, UUID customerId, String email, String codeDigest) {}

    private final JdbcClient jdbc;

    SignInCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID id,
            UUID customerId,
            String email,
            String codeDigest,
            String linkDigest,
            Instant now,
            Instant expiresAt) {
        jdbc.sql("""
                        insert into portal.sign_in_code
                            (id, customer_id, email, code_digest, link_digest, created_at, expires_at)
                        values (:id, :customer, :email, :code, :link, :now, :expires)
                        """)
                .param("id", id)
                .param("customer", customerId)
                .param("email", email)
                .param("code", codeDigest)
                .param("link", linkDigest)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .update();
        // Spent and expired codes are kept a day, for nobody but someone reading the table; then gone.
        jdbc.sql("delete from portal.sign_in_code where expires_at < :before")
                .param("before", Timestamp.from(now.minus(java.time.Duration.ofDays(1))))
                .update();
    }

    /** The live codes of an address, newest first, locked until the transaction ends. */
    List<Live> live(String email, int maxAttempts, Instant now) {
        return jdbc.sql("""
                        select id, customer_id, email, code_digest from portal.sign_in_code
                        where email = :email and used_at is null and expires_at > :now and attempts < :max
                        order by created_at desc
                        for update
                        """)
                .param("email", email)
                .param("now", Timestamp.from(now))
                .param("max", maxAttempts)
                .query(SignInCodes::live)
                .list();
    }

    /** The live code a link belongs to, locked until the transaction ends. */
    Optional<Live> byLink(String linkDigest, Instant now) {
        return jdbc.sql("""
                        select id, customer_id, email, code_digest from portal.sign_in_code
                        where link_digest = :link and used_at is null and expires_at > :now
                        for update
                        """)
                .param("link", linkDigest)
                .param("now", Timestamp.from(now))
                .query(SignInCodes::live)
                .optional();
    }

    /** A wrong code counts against every live code of the address. */
    void wrongCode(String email, Instant now) {
        jdbc.sql("""
                        update portal.sign_in_code set attempts = attempts + 1
                        where email = :email and used_at is null and expires_at > :now
                        """).param("email", email).param("now", Timestamp.from(now)).update();
    }

    /** A sign-in spends every code and link of the address at once: each is good for one sign-in only. */
    void spend(String email, Instant now) {
        jdbc.sql("update portal.sign_in_code set used_at = :now where email = :email and used_at is null")
                .param("email", email)
                .param("now", Timestamp.from(now))
                .update();
    }

    private static Live live(ResultSet rs, int n) throws SQLException {
        return new Live(
                rs.getObject("id", UUID.class),
                rs.getObject("customer_id", UUID.class),
                rs.getString("email"),
                rs.getString("code_digest"));
    }
}
