package dev.casekeeper.ratelimits;

import java.time.Duration;

/**
 * What a request learns of its bucket.
 *
 * @param limit the bucket's size: requests per period
 * @param remaining requests left now
 * @param resetSeconds seconds until the bucket is full again
 * @param retryAfterSeconds when refused, seconds until one more request is allowed (at least 1); else 0
 */
public record RateLimitVerdict(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    /** How long a refused client waits before one more request is allowed. */
    public Duration retryAfter() {
        return Duration.ofSeconds(retryAfterSeconds);
    }
}
