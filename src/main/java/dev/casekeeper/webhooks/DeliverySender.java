package dev.casekeeper.webhooks;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries from this node, continuously and with at most {@code concurrency} requests in
 * flight: takes what is due (never more than there is room for), posts each on a thread of its own, and
 * records every attempt with its outcome. A take that filled what it asked for means more may be
 * due, so the next one follows as soon as a slice of the requests in flight has been answered
 * (taking deliveries one or two at a time, each in a transaction of its own, cost a backlog more than
 * it sent); a take that found less means the outbox is drained, and the sender waits until a commit
 * that wrote deliveries wakes it ({@link DeliveriesDue}: at once on this node, through the cluster bus on
 * the others) or the poll interval passes, which is how retries come due. A delivery another node
 * took and never finished (that node died) comes due again once the attempt's time-out has long
 * passed: at least once, never lost; receivers drop duplicates by {@code Casekeeper-Webhook-Id}.
 */
@Component
class DeliverySender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

    private final DeliveryQueries deliveries;
    private final DeliveryOutcomes outcomes;
    private final DeliveredAttempts answered;
    private final WebhookSecrets seal;
    private final WebhookSettings settings;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final DeliveriesDue due;
    private final Semaphore inFlight;
    /** Room a take after a full one waits for: a slice of the requests in flight, at most a batch. */
    private final int slice;
    // Platform threads, not virtual ones: on a busy node the few carriers of the virtual threads are
    // taken by request handling, and every answer waited in their queue behind it, so at most
    // concurrency requests, each held that long, sent fewer deliveries than were written, and the
    // backlog cleared only when the requests let up (in waves). Scheduled by the operating system,
    // the sends get their share of the cores. The HTTP client's own work has a pool of its own, so
    // sends blocked on their answers never hold up the answers. Both are bounded by inFlight, and
    // made anew at each start: a stopped context (a paused test context, too) is started again.
    private volatile ExecutorService senders = threads("webhook-send-");
    private volatile ExecutorService httpWork = threads("webhook-http-");
    private volatile HttpClient http;
    private volatile boolean running;
    private volatile @Nullable Thread loop;

    DeliverySender(
            DeliveryQueries deliveries,
            DeliveryOutcomes outcomes,
            DeliveredAttempts answered,
            WebhookSecrets seal,
            WebhookSettings settings,
            Clock clock,
            PlatformTransactionManager transactions,
            DeliveriesDue due) {
        this.deliveries = deliveries;
        this.outcomes = outcomes;
        this.answered = answered;
        this.seal = seal;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.due = due;
        this.inFlight = new Semaphore(settings.concurrency());
        this.slice = Math.max(1, Math.min(settings.batchSize(), settings.concurrency() / 4));
        this.http = SignedPost.client(httpWork, settings.timeout());
    }

    private static ExecutorService threads(String name) {
        return Executors.newCachedThreadPool(
                Thread.ofPlatform().name(name, 0).daemon().factory());
    }

    @Override
    public void start() {
        if (senders.isShutdown()) {
            senders = threads("webhook-send-");
            httpWork = threads("webhook-http-");
            http = SignedPost.client(httpWork, settings.timeout());
        }
        running = true;
        var thread = Thread.ofPlatform().name("webhook-sender").daemon().unstarted(this::run);
        loop = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        due.wake();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                log.warn("Webhook deliveries still in flight at shutdown are sent again later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        httpWork.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        // At start, deliveries may be due that no wake-up will announce (written before a restart).
        boolean more = true;
        // A loop of an earlier start (stopped, started again before it woke) ends here.
        while (running && Thread.currentThread() == loop) {
            try {
                more = sendDue(more);
            } catch (RuntimeException e) {
                more = false;
                log.warn("Could not take due webhook deliveries; trying again at the next poll", e);
            }
            try {
                if (!more) {
                    due.await(settings.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Takes and starts as many due deliveries as there is room for, once there is room for at least
     * one (for a slice when {@code more} may be due); answers whether the take filled what it asked
     * for, so more may be due.
     */
    private boolean sendDue(boolean more) {
        int room;
        try {
            // Wait for room rather than take deliveries that would sit while their time-out runs.
            int least = more ? slice : 1;
            inFlight.acquire(least);
            room = least + inFlight.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        int wanted = Math.min(room, settings.batchSize());
        inFlight.release(room - wanted);
        if (!running) {
            // Stopping: what is not taken now stays due for the next start or another node.
            inFlight.release(wanted);
            return false;
        }
        var now = clock.instant();
        // Another node may retry one of these only after this attempt had every chance to end.
        var lost = now.plus(settings.timeout().multipliedBy(2)).plusSeconds(30);
        List<DeliveryQueries.Taken> taken;
        try {
            taken = transaction.execute(status -> deliveries.take(now, lost, wanted));
        } catch (RuntimeException e) {
            inFlight.release(wanted);
            throw e;
        }
        taken = taken == null ? List.of() : taken;
        inFlight.release(wanted - taken.size());
        for (var delivery : taken) {
            senders.execute(() -> {
                try {
                    send(delivery);
                } finally {
                    inFlight.release();
                }
            });
        }
        return taken.size() == wanted;
    }

    private void send(DeliveryQueries.Taken delivery) {
        var secret = seal.open(delivery.sealedSecret(), WebhookSecrets.context(delivery.subscriptionId()));
        var started = clock.instant();
        if (secret.isEmpty()) {
            record(
                    delivery,
                    started,
                    null,
                    0,
                    "The signing secret cannot be opened: was casekeeper.webhooks.secret-key changed?");
            return;
        }
        var body = delivery.body().getBytes(StandardCharsets.UTF_8);
        try {
            var attempt = SignedPost.send(
                    http,
                    delivery.url(),
                    secret.get(),
                    body,
                    Map.of(
                            "User-Agent", "Casekeeper-Webhooks/1",
                            "Casekeeper-Webhook-Id", delivery.id().toString(),
                            "Casekeeper-Event-Id", delivery.eventId().toString(),
                            "Casekeeper-Event", delivery.eventType()),
                    settings.timeout(),
                    started);
            record(delivery, started, attempt.status(), attempt.durationMs(), attempt.detail());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(
            DeliveryQueries.Taken delivery, Instant at, @Nullable Integer status, int ms, @Nullable String detail) {
        if (status != null && status >= 200 && status < 300) {
            answered.add(new DeliveredAttempts.Answered(
                    delivery.id(), delivery.attempt(), delivery.subscriptionId(), at, status, ms, detail));
            return;
        }
        var retryAt = retryAt(delivery, at);
        try {
            outcomes.failed(delivery, at, status, ms, detail, retryAt);
        } catch (RuntimeException e) {
            // The delivery comes due again when its attempt counts as lost, and is sent once more.
            log.warn("Webhook delivery {}: could not record its attempt", delivery.id(), e);
        }
    }

    /** The next attempt's time after a failed one, or null when the delivery is past its retry period. */
    @Nullable
    Instant retryAt(DeliveryQueries.Taken delivery, Instant failedAt) {
        return SignedPost.retryAt(
                delivery.attempt(),
                delivery.createdAt(),
                failedAt,
                settings.firstRetry(),
                settings.maxRetryInterval(),
                settings.retryFor());
    }
}
