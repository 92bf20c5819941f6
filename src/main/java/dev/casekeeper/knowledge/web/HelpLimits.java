package dev.casekeeper.knowledge.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Answers to "was this helpful?" and deflection counts per client address: 30 an hour, as Bucket4j
 * token buckets in this node's memory, so one script cannot make an article look loved or useless.
 */
@Component
class HelpLimits {

    static final int PER_HOUR = 30;

    private final Cache<String, Bucket> perClient = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(100_000)
            .build();

    boolean allow(String client) {
        return perClient
                .get(
                        client,
                        k -> Bucket.builder()
                                .addLimit(limit -> limit.capacity(PER_HOUR).refillGreedy(PER_HOUR, Duration.ofHours(1)))
                                .build())
                .tryConsume(1);
    }
}
