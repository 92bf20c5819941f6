package dev.casekeeper.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The portal's rate limits, as Bucket4j token buckets per hour: sign-in mails per email address,
 * sign-in requests and code entries per client address, web form submissions per client address
 * and per email address.
 * The buckets live in this node's memory and are forgotten an hour after their last use; behind a
 * load balancer spreading one client over n nodes, it gets up to n times its allowance
 * (docs/portal.md). A known and an unknown address are limited alike.
 */
@Component
class PortalLimits {

    private static final long MAX_KEYS = 100_000;

    private final PortalSettings settings;
    private final Cache<String, Bucket> mailsPerAddress = buckets();
    private final Cache<String, Bucket> signInsPerClient = buckets();
    private final Cache<String, Bucket> contactsPerClient = buckets();
    private final Cache<String, Bucket> contactsPerAddress = buckets();

    /**
     * Web form submissions one email address may make per hour, from any client: a robot that moves
     * between client addresses still cannot fill one customer's requests.
     */
    static final int CONTACTS_PER_ADDRESS = 5;

    PortalLimits(PortalSettings settings) {
        this.settings = settings;
    }

    /** One sign-in mail to this address; empty when allowed, else how long until one more is. */
    Optional<Duration> mailTo(String email) {
        return take(mailsPerAddress, email, settings.codesPerAddress());
    }

    /** One sign-in request or code entry from this client address. */
    Optional<Duration> signInFrom(String client) {
        return take(signInsPerClient, client, settings.signInsPerClient());
    }

    /** One web form submission from this client address. */
    Optional<Duration> contactFrom(String client) {
        return take(contactsPerClient, client, settings.contactsPerClient());
    }

    /** One web form submission for this email address, from any client. */
    Optional<Duration> contactFor(String email) {
        return take(contactsPerAddress, email.strip().toLowerCase(java.util.Locale.ROOT), CONTACTS_PER_ADDRESS);
    }

    private static Optional<Duration> take(Cache<String, Bucket> buckets, String key, int perHour) {
        var probe = buckets.get(key, k -> perHour(perHour)).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private static Bucket perHour(int amount) {
        return Bucket.builder()
                .addLimit(limit ->
                        limit.capacity(Math.max(1, amount)).refillGreedy(Math.max(1, amount), Duration.ofHours(1)))
                .build();
    }

    private static Cache<String, Bucket> buckets() {
        return Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofHours(1))
                .maximumSize(MAX_KEYS)
                .build();
    }
}
