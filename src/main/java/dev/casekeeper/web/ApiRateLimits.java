package dev.casekeeper.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's token buckets, one per key (a token's digest, a client address), kept in PostgreSQL by
 * Bucket4j so every node counts against the same bucket. A large bucket is synchronized with the
 * database only every few hundred tokens or half a second (Bucket4j's delaying optimization), so a
 * busy integration costs a statement now and then rather than one per request; a small one (up to
 * {@value #EXACT_UP_TO}) on every request, so it holds exactly.
 */
@Configuration(proxyBeanMethods = false)
class ApiRateLimits {

    /** Buckets this small are counted exactly, each request a round trip to PostgreSQL. */
    static final long EXACT_UP_TO = 200;

    private static final Logger log = LoggerFactory.getLogger(ApiRateLimits.class);

    /** What a request learns of its bucket. */
    record Verdict(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {}

    /** Takes a request's token from a bucket. */
    static final class Buckets {

        private final PostgreSQLSelectForUpdateBasedProxyManager<String> store;
        private final ApiRateLimitSettings settings;
        private final Cache<String, BucketProxy> proxies = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();

        Buckets(PostgreSQLSelectForUpdateBasedProxyManager<String> store, ApiRateLimitSettings settings) {
            this.store = store;
            this.settings = settings;
        }

        Verdict take(String key, long limit) {
            // The same proxy for a key each time: the delaying optimization keeps its local count there.
            var bucket = proxies.get(key, k -> proxy(k, limit));
            var probe = bucket.tryConsumeAndReturnRemaining(1);
            long reset = seconds(probe.getNanosToWaitForReset());
            return probe.isConsumed()
                    ? new Verdict(true, limit, probe.getRemainingTokens(), reset, 0)
                    : new Verdict(false, limit, 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
        }

        private BucketProxy proxy(String key, long limit) {
            var configuration = BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder()
                            .capacity(limit)
                            .refillGreedy(limit, settings.period())
                            .build())
                    .build();
            var builder = store.builder();
            if (limit > EXACT_UP_TO) {
                builder = builder.withOptimization(
                        Optimizations.delaying(new DelayParameters(limit / 20, Duration.ofMillis(500))));
            }
            return builder.build(key, () -> configuration);
        }

        private static long seconds(long nanos) {
            return (long) Math.ceil(nanos / (double) TimeUnit.SECONDS.toNanos(1));
        }

        int removeExpired(int batch) {
            return store.removeExpired(batch);
        }
    }

    @Bean
    Buckets apiRateLimitBuckets(DataSource dataSource, ApiRateLimitSettings settings) {
        var store = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("web.api_rate_limit")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        return new Buckets(store, settings);
    }

    /** Buckets full again for a while (nobody used the key) leave the table, on one node at a time. */
    @Bean
    RecurringTask<Void> apiRateLimitCleanupTask(Buckets buckets) {
        return Tasks.recurring("api-rate-limit-cleanup", FixedDelay.ofMinutes(10))
                .execute((instance, context) -> {
                    int removed = 0;
                    int batch;
                    do {
                        batch = buckets.removeExpired(1000);
                        removed += batch;
                    } while (batch == 1000);
                    if (removed > 0) {
                        log.debug("API rate limits: {} idle bucket(s) removed", removed);
                    }
                });
    }
}
