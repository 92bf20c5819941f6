package dev.casekeeper.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins in PostgreSQL, so every node sees the same count. An account or address
 * with too many failures in the lockout window is locked until the failure that tipped it over
 * ages out of the window; a successful sign-in clears the account's failures.
 */
@Component
class SignInThrottle {

    private final JdbcClient jdbc;
    private final SignInSettings settings;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, SignInSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** How long until a sign-in for this account from this address may be tried again; empty if now. */
    Optional<Duration> lockedFor(String account, String address) {
        Instant now = clock.instant();
        return Stream.of(
                        lockedUntil("account", normalize(account), settings.maxFailuresPerAccount(), now),
                        lockedUntil("address", address, settings.maxFailuresPerAddress(), now))
                .flatMap(Optional::stream)
                .max(Instant::compareTo)
                .map(until -> Duration.between(now, until));
    }

    void failed(String account, String address) {
        Instant now = clock.instant();
        jdbc.sql("insert into web.failed_sign_in (account, address, at) values (:account, :address, :now)")
                .param("account", normalize(account))
                .param("address", address)
                .param("now", Timestamp.from(now))
                .update();
        // Failures older than the window count for nothing; dropping them keeps the table small.
        jdbc.sql("delete from web.failed_sign_in where at <= :since")
                .param("since", Timestamp.from(now.minus(settings.lockout())))
                .update();
    }

    void succeeded(String account) {
        jdbc.sql("delete from web.failed_sign_in where account = :account")
                .param("account", normalize(account))
                .update();
    }

    /** Locked while the max-th most recent failure is still inside the window. */
    private Optional<Instant> lockedUntil(String column, String key, int max, Instant now) {
        if (max <= 0) {
            return Optional.empty();
        }
        return jdbc.sql("select at from web.failed_sign_in where " + column + " = :key and at > :since"
                        + " order by at desc offset :skip limit 1")
                .param("key", key)
                .param("since", Timestamp.from(now.minus(settings.lockout())))
                .param("skip", max - 1)
                .query(Timestamp.class)
                .optional()
                .map(at -> at.toInstant().plus(settings.lockout()));
    }

    private static String normalize(String account) {
        return account.strip().toLowerCase(Locale.ROOT);
    }
}
