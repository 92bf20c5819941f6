package dev.casekeeper.knowledge.web;

import dev.casekeeper.knowledge.KnowledgeSettings;
import dev.casekeeper.ratelimits.RateLimitVerdict;
import dev.casekeeper.ratelimits.RateLimits;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Answers to "was this helpful?" and deflection reports per client address per hour
 * ({@code casekeeper.knowledge.feedback-per-client}, 30), counted in the buckets every node shares
 * ({@link RateLimits}), so one script cannot make an article look loved or useless, whichever nodes it
 * reaches.
 */
@Component
class HelpLimits {

    private final RateLimits limits;
    private final KnowledgeSettings settings;

    HelpLimits(RateLimits limits, KnowledgeSettings settings) {
        this.limits = limits;
        this.settings = settings;
    }

    /** One answer or report from this client; refused, with how long until one more is allowed. */
    RateLimitVerdict from(String client) {
        return limits.take("help:" + client, settings.feedbackPerClient(), Duration.ofHours(1));
    }
}
