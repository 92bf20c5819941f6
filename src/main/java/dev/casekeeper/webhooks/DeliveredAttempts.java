package dev.casekeeper.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records delivered attempts in batches: one transaction, and one commit, for every delivery the
 * receivers answered since the last one (up to {@value #BATCH}), instead of one each. At hundreds of
 * deliveries a second those commits, each waiting for the disk, were what held the sender back.
 *
 * <p>A delivery that was answered but not yet recorded when its node died stays taken; it comes due
 * again once its attempt counts as lost and is sent once more, as when a node dies during the
 * request (receivers drop duplicates by {@code Casekeeper-Webhook-Id}). Failed attempts are recorded
 * one by one by {@link DeliveryOutcomes}: they decide retries and disabling.
 */
@Component
class DeliveredAttempts implements SmartLifecycle {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(DeliveredAttempts.class);

    /** An answered delivery: its attempt's time, the receiver's status, how long it took, the answer's start. */
    record Answered(
            UUID deliveryId,
            int attempt,
            UUID subscriptionId,
            Instant at,
            int status,
            int durationMs,
            @Nullable String detail) {}

    private final LinkedBlockingQueue<Answered> answered = new LinkedBlockingQueue<>();
    private final DeliveryQueries deliveries;
    private final SubscriptionQueries subscriptions;
    private final TransactionTemplate transaction;
    private volatile boolean running;
    private volatile @Nullable Thread loop;

    DeliveredAttempts(
            DeliveryQueries deliveries, SubscriptionQueries subscriptions, PlatformTransactionManager transactions) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.transaction = new TransactionTemplate(transactions);
    }

    void add(Answered delivered) {
        answered.add(delivered);
    }

    @Override
    public void start() {
        running = true;
        var thread = Thread.ofPlatform().name("webhook-records").daemon().unstarted(this::run);
        loop = thread;
        thread.start();
    }

    /** After the sender stopped (a lower phase stops later): what its last requests left is written. */
    @Override
    public void stop() {
        running = false;
        var thread = loop;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writeWhatWaits();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 100;
    }

    private void run() {
        // A loop of an earlier start (stopped, started again) ends here.
        while (running && Thread.currentThread() == loop) {
            try {
                var first = answered.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    var batch = new ArrayList<Answered>(List.of(first));
                    answered.drainTo(batch, BATCH - 1);
                    write(batch);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void writeWhatWaits() {
        var batch = new ArrayList<Answered>();
        while (answered.drainTo(batch, BATCH) > 0) {
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Answered> batch) {
        try {
            transaction.executeWithoutResult(status -> {
                deliveries.delivered(batch);
                subscriptions.succeeded(
                        batch.stream().map(Answered::subscriptionId).distinct().toList());
            });
        } catch (RuntimeException e) {
            log.warn(
                    "Could not record {} delivered webhook attempts; they are sent again once their attempts count as lost",
                    batch.size(),
                    e);
        }
    }
}
