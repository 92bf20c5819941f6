package dev.casekeeper.counter.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.casekeeper.counter.CounterSettings;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tickets per client address per hour at the kiosks, as Bucket4j token buckets kept in this node's
 * memory and forgotten an hour after their last use. A kiosk is one client: its allowance
 * ({@code casekeeper.counter.tickets-per-client}) must cover a busy hour's walk-ins; someone scripting
 * tickets from one address is stopped there.
 */
@Component
class KioskLimits {

    private static final long MAX_KEYS = 100_000;

    private final CounterSettings settings;
    private final Cache<String, Bucket> perClient = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(MAX_KEYS)
            .build();

    KioskLimits(CounterSettings settings) {
        this.settings = settings;
    }

    /** One ticket from this client; empty when allowed, else how long until one more is. */
    Optional<Duration> ticketFrom(String client) {
        int amount = settings.ticketsPerClient();
        var probe = perClient
                .get(
                        client,
                        k -> Bucket.builder()
                                .addLimit(limit -> limit.capacity(amount).refillGreedy(amount, Duration.ofHours(1)))
                                .build())
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
