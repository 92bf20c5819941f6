package dev.casekeeper.counter.web;

import dev.casekeeper.counter.CounterSettings;
import dev.casekeeper.ratelimits.RateLimitVerdict;
import dev.casekeeper.ratelimits.RateLimits;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Tickets per client address per hour at the kiosks, counted in the buckets every node shares
 * ({@link RateLimits}), so a client spread over several nodes gets its allowance once. A kiosk is one
 * client: its allowance ({@code casekeeper.counter.tickets-per-client}) must cover a busy hour's
 * walk-ins; someone scripting tickets from one address is stopped there.
 */
@Component
class KioskLimits {

    private final RateLimits limits;
    private final CounterSettings settings;

    KioskLimits(RateLimits limits, CounterSettings settings) {
        this.limits = limits;
        this.settings = settings;
    }

    /** One ticket from this client; refused, with how long until one more is allowed. */
    RateLimitVerdict ticketFrom(String client) {
        return limits.take("kiosk:" + client, settings.ticketsPerClient(), Duration.ofHours(1));
    }
}
