package dev.casekeeper.channels.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The widget's rate limits, as Bucket4j token buckets: frames that write, per socket; new sockets
 * and new chats, per client address (see {@link ClientAddresses}). The buckets of addresses live
 * in this node's memory, forgotten an hour after their last use: each node counts the sockets it
 * holds, so behind a load balancer spreading one address over n nodes, that address may open up to
 * n times its allowance (docs/chat.md). Every refusal is counted, by reason, in
 * {@code casekeeper.chat.refused}.
 */
@Component
class ChatLimits {

    /** Why something was refused: the metric's {@code reason} tag, and the widget's error code. */
    enum Refusal {
        SOCKETS("too-many-connections"),
        CHATS("too-many-chats"),
        MESSAGES("rate-limited"),
        TOO_SOON("too-soon");

        final String code;

        Refusal(String code) {
            this.code = code;
        }
    }

    /** Taken, or refused with how long until one more would be. */
    record Outcome(boolean allowed, Duration retryIn) {

        static final Outcome OK = new Outcome(true, Duration.ZERO);
    }

    private static final long MAX_ADDRESSES = 100_000;

    private final ChatSettings settings;
    private final MeterRegistry registry;
    private final Cache<ClientAddresses.Client, Bucket> sockets = addresses();
    private final Cache<ClientAddresses.Client, Bucket> chats = addresses();

    ChatLimits(ChatSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.registry = registry;
        for (var refusal : Refusal.values()) {
            counter(refusal);
        }
    }

    /** A new widget socket of the client. */
    Outcome socket(ClientAddresses.Client client) {
        return take(sockets, client, c -> perMinute(allowance(c).socketsPerMinute()), Refusal.SOCKETS);
    }

    /** A new chat of the client: it may open a customer, a case and a routing contact. */
    Outcome chat(ClientAddresses.Client client) {
        return take(chats, client, c -> perHour(allowance(c).chatsPerHour()), Refusal.CHATS);
    }

    /**
     * The bucket for one socket's writing frames: {@code perMinute} a minute, in bursts of up to a
     * tenth of a minute's worth (at least 5).
     */
    static Bucket forSocket(int perMinute) {
        long burst = Math.max(5, perMinute / 10);
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(burst)
                        .refillGreedy(Math.max(1, perMinute), Duration.ofMinutes(1))
                        .build())
                .build();
    }

    /** Takes one frame from a socket's bucket; counts a refusal. */
    boolean message(Bucket bucket) {
        if (bucket.tryConsume(1)) {
            return true;
        }
        refused(Refusal.MESSAGES);
        return false;
    }

    void refused(Refusal refusal) {
        counter(refusal).increment();
    }

    private Outcome take(
            Cache<ClientAddresses.Client, Bucket> buckets,
            ClientAddresses.Client client,
            Function<ClientAddresses.Client, Bucket> create,
            Refusal refusal) {
        var probe = buckets.get(client, create).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Outcome.OK;
        }
        refused(refusal);
        return new Outcome(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private ChatSettings.Allowance allowance(ClientAddresses.Client client) {
        return client.proxy() ? settings.perProxy() : settings.perAddress();
    }

    private static Bucket perMinute(int amount) {
        return Bucket.builder()
                .addLimit(limit ->
                        limit.capacity(Math.max(1, amount)).refillGreedy(Math.max(1, amount), Duration.ofMinutes(1)))
                .build();
    }

    private static Bucket perHour(int amount) {
        return Bucket.builder()
                .addLimit(limit ->
                        limit.capacity(Math.max(1, amount)).refillGreedy(Math.max(1, amount), Duration.ofHours(1)))
                .build();
    }

    private Counter counter(Refusal refusal) {
        return Counter.builder("casekeeper.chat.refused")
                .description("Widget connections, chats and messages refused by the rate limits")
                .tag("reason", refusal.code)
                .register(registry);
    }

    private static Cache<ClientAddresses.Client, Bucket> addresses() {
        return Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofHours(1))
                .maximumSize(MAX_ADDRESSES)
                .build();
    }
}
