package dev.casekeeper.portal;

import dev.casekeeper.customers.IdentityKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time codes and links sent through a customer's identity, as digests, for signing in, for
 * verifying an identity, or for linking a chat visitor to an address; see {@code
 * portal/V1__create_portal_schema.sql} and {@code V10__identity_codes.sql}.
 */
@Component
class SignInCodes {

    /** What a code is for. */
    enum Purpose {
        SIGN_IN("sign-in"),
        VERIFY("verify"),
        LINK("link");

        final String value;

        Purpose(String value) {
            this.value = value;
        }
    }

    /** A code that may still be used: not spent, not expired, not worn out by wrong guesses. */
    record Live(UUID id, UUID customerId, IdentityKind kind, String value, String codeDigest) {

        /** The address of an emailed code: what sign-in has always called it. */
        String email() {
            return value;
        }
    }

    private final JdbcClient jdbc;

    SignInCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID id,
            Purpose purpose,
            UUID customerId,
            IdentityKind kind,
            String value,
            String codeDigest,
            String linkDigest,
            Instant now,
            Instant expiresAt) {
        jdbc.sql("""
                        insert into portal.sign_in_code
                            (id, purpose, customer_id, kind, value, code_digest, link_digest, created_at, expires_at)
                        values (:id, :purpose, :customer, :kind, :value, :code, :link, :now, :expires)
                        """)
                .param("id", id)
                .param("purpose", purpose.value)
                .param("customer", customerId)
                .param("kind", kind.value())
                .param("value", value)
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

    /** The live sign-in codes of an identity, newest first, locked until the transaction ends. */
    List<Live> live(IdentityKind kind, String value, int maxAttempts, Instant now) {
        return jdbc.sql("""
                        select id, customer_id, kind, value, code_digest from portal.sign_in_code
                        where purpose = 'sign-in' and kind = :kind and value = :value
                          and used_at is null and expires_at > :now and attempts < :max
                        order by created_at desc
                        for update
                        """)
                .param("kind", kind.value())
                .param("value", value)
                .param("now", Timestamp.from(now))
                .param("max", maxAttempts)
                .query(SignInCodes::live)
                .list();
    }

    /** The live verification codes a customer asked for an identity, newest first, locked. */
    List<Live> liveVerifications(UUID customerId, IdentityKind kind, String value, int maxAttempts, Instant now) {
        return jdbc.sql("""
                        select id, customer_id, kind, value, code_digest from portal.sign_in_code
                        where purpose = 'verify' and customer_id = :customer and kind = :kind and value = :value
                          and used_at is null and expires_at > :now and attempts < :max
                        order by created_at desc
                        for update
                        """)
                .param("customer", customerId)
                .param("kind", kind.value())
                .param("value", value)
                .param("now", Timestamp.from(now))
                .param("max", maxAttempts)
                .query(SignInCodes::live)
                .list();
    }

    /** The live code a link of this purpose belongs to, locked until the transaction ends. */
    Optional<Live> byLink(Purpose purpose, String linkDigest, Instant now) {
        return jdbc.sql("""
                        select id, customer_id, kind, value, code_digest from portal.sign_in_code
                        where link_digest = :link and purpose = :purpose and used_at is null and expires_at > :now
                        for update
                        """)
                .param("link", linkDigest)
                .param("purpose", purpose.value)
                .param("now", Timestamp.from(now))
                .query(SignInCodes::live)
                .optional();
    }

    /** A wrong sign-in code counts against every live sign-in code of the identity. */
    void wrongCode(IdentityKind kind, String value, Instant now) {
        jdbc.sql("""
                        update portal.sign_in_code set attempts = attempts + 1
                        where purpose = 'sign-in' and kind = :kind and value = :value
                          and used_at is null and expires_at > :now
                        """)
                .param("kind", kind.value())
                .param("value", value)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** A wrong verification code counts against the customer's live codes for the identity. */
    void wrongVerification(UUID customerId, IdentityKind kind, String value, Instant now) {
        jdbc.sql("""
                        update portal.sign_in_code set attempts = attempts + 1
                        where purpose = 'verify' and customer_id = :customer and kind = :kind and value = :value
                          and used_at is null and expires_at > :now
                        """)
                .param("customer", customerId)
                .param("kind", kind.value())
                .param("value", value)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Using a code spends every code and link of that purpose sent to the identity at once: each is
     * good for one use only.
     */
    void spend(Purpose purpose, IdentityKind kind, String value, Instant now) {
        jdbc.sql("""
                        update portal.sign_in_code set used_at = :now
                        where purpose = :purpose and kind = :kind and value = :value and used_at is null
                        """)
                .param("purpose", purpose.value)
                .param("kind", kind.value())
                .param("value", value)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Forgets every code of these customers (erasure): the identities they were sent to are personal data. */
    int forget(List<UUID> customerIds) {
        return jdbc.sql("delete from portal.sign_in_code where customer_id in (:ids)")
                .param("ids", customerIds)
                .update();
    }

    private static Live live(ResultSet rs, int n) throws SQLException {
        return new Live(
                rs.getObject("id", UUID.class),
                rs.getObject("customer_id", UUID.class),
                IdentityKind.from(rs.getString("kind")),
                rs.getString("value"),
                rs.getString("code_digest"));
    }
}
