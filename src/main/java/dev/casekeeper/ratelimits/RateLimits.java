package dev.casekeeper.ratelimits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Token buckets, one per key and allowance, kept in PostgreSQL by Bucket4j ({@code ratelimits.bucket})
 * so every node counts against the same bucket. A key names its purpose and client ({@code
 * kiosk:203.0.113.7}); the stored bucket's name adds the limit and period, since Bucket4j keeps the
 * allowance a bucket was made with: a changed setting then counts in fresh buckets at once instead of
 * the old allowance going on for as long as a busy client keeps its bucket from expiring. A
 * large bucket is synchronized with the database only every few hundred tokens or half a second
 * (Bucket4j's delaying optimization), so a busy client costs a statement now and then rather than one
 * per request; a small one (up to {@value #EXACT_UP_TO}) on every request, so it holds exactly, on
 * every node.
 */
@Component
public class RateLimits {

    /** Buckets this small are counted exactly, each request a round trip to PostgreSQL. */
    public static final long EXACT_UP_TO = 200;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> store;
    private final Cache<String, BucketProxy> proxies = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    /** Buckets in the database's {@code ratelimits.bucket}; a second instance on the same database shares them. */
    public RateLimits(DataSource dataSource) {
        this.store = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("ratelimits.bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    /** Takes one request's token from the key's bucket of {@code limit} per {@code period}, refilled evenly. */
    public RateLimitVerdict take(String key, long limit, Duration period) {
        var stored = key + "/" + limit + "/" + period;
        // The same proxy for a key each time: the delaying optimization keeps its local count there.
        var bucket = proxies.get(stored, k -> proxy(k, limit, period));
        ConsumptionProbe probe;
        try {
            probe = bucket.tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            if (!bucketMissing(e)) {
                throw e;
            }
            // Concurrent first requests of a bucket (or of one the cleanup removed) are batched by the
            // delaying optimization, and Bucket4j does not make a missing bucket for a batch: this
            // request makes it, unbatched.
            probe = store.builder()
                    .build(stored, () -> configuration(limit, period))
                    .tryConsumeAndReturnRemaining(1);
        }
        long reset = seconds(probe.getNanosToWaitForReset());
        return probe.isConsumed()
                ? new RateLimitVerdict(true, limit, probe.getRemainingTokens(), reset, 0)
                : new RateLimitVerdict(false, limit, 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    private static boolean bucketMissing(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

    private static BucketConfiguration configuration(long limit, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit)
                        .refillGreedy(limit, period)
                        .build())
                .build();
    }

    private BucketProxy proxy(String key, long limit, Duration period) {
        var configuration = configuration(limit, period);
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

    /** Removes up to {@code batch} buckets that have been full again for a while; answers how many. */
    int removeExpired(int batch) {
        return store.removeExpired(batch);
    }
}
