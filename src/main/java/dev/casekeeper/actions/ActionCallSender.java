package dev.casekeeper.actions;

import dev.casekeeper.webhooks.SignedPost;
import dev.casekeeper.webhooks.WebhookSettings;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calls the companies' systems from this node: takes the due calls (another node takes others), posts
 * each signed on a thread of its own through the webhooks' {@link SignedPost}, and records each
 * attempt; a failed one comes due again on the webhooks' back-off ({@code casekeeper.webhooks.first-retry},
 * {@code max-retry-interval}, {@code retry-for}). Woken right after the commit that started an action
 * ({@link CallsDue}: at once on this node, through the cluster bus on the others), else every poll
 * interval, which is also how retries come due. A call whose node died
 * mid-attempt comes due again once its time-out has long passed: at least once, never lost; systems
 * drop repeats by {@code Casekeeper-Call-Id}.
 */
@Component
class ActionCallSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ActionCallSender.class);
    private static final int BATCH = 20;

    private final ActionCallQueries calls;
    private final ActionCallOutcomes outcomes;
    private final ActionSecrets secrets;
    private final WebhookSettings settings;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final CallsDue due;
    // Platform threads, not virtual ones, as for webhook deliveries (DeliverySender): on a busy node
    // the few carriers of the virtual threads are taken by request handling, and every answer waited
    // in their queue behind it. The HTTP client's own work has a pool of its own, so sends blocked on
    // their answers never hold up the answers. Both are bounded by a batch, and made anew at each
    // start: a stopped context (a paused test context, too) is started again.
    private volatile ExecutorService senders = threads("action-call-send-");
    private volatile ExecutorService httpWork = threads("action-call-http-");
    private volatile HttpClient http;
    private volatile boolean running;
    private volatile @Nullable Thread loop;

    ActionCallSender(
            ActionCallQueries calls,
            ActionCallOutcomes outcomes,
            ActionSecrets secrets,
            WebhookSettings settings,
            Clock clock,
            PlatformTransactionManager transactions,
            CallsDue due) {
        this.calls = calls;
        this.outcomes = outcomes;
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.due = due;
        this.http = SignedPost.client(httpWork, settings.timeout());
    }

    private static ExecutorService threads(String name) {
        return Executors.newCachedThreadPool(
                Thread.ofPlatform().name(name, 0).daemon().factory());
    }

    @Override
    public void start() {
        if (senders.isShutdown()) {
            senders = threads("action-call-send-");
            httpWork = threads("action-call-http-");
            http = SignedPost.client(httpWork, settings.timeout());
        }
        running = true;
        var thread = Thread.ofPlatform().name("action-call-sender").daemon().unstarted(this::run);
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
                log.warn("Action calls still in flight at shutdown are sent again later");
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
        while (running && Thread.currentThread() == loop) {
            int taken = 0;
            try {
                taken = sendDue();
            } catch (RuntimeException e) {
                log.warn("Could not take due action calls; trying again at the next poll", e);
            }
            try {
                if (taken == 0) {
                    due.await(settings.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sends a batch of due calls at once and waits for them; answers how many there were. */
    private int sendDue() {
        var now = clock.instant();
        var lost = now.plus(settings.timeout().multipliedBy(2)).plusSeconds(30);
        List<ActionCallQueries.Taken> taken = transaction.execute(status -> calls.take(now, lost, BATCH));
        if (taken == null || taken.isEmpty()) {
            return 0;
        }
        var sending = new ArrayList<Future<?>>();
        for (var call : taken) {
            sending.add(senders.submit(() -> send(call)));
        }
        for (var future : sending) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return taken.size();
            } catch (ExecutionException e) {
                log.warn("An action call failed unexpectedly; it is sent again when its attempt counts as lost", e);
            }
        }
        return taken.size();
    }

    private void send(ActionCallQueries.Taken call) {
        var at = clock.instant();
        var secret = call.sealedSecret() == null
                ? null
                : secrets.open(call.sealedSecret(), call.typeId()).orElse(null);
        SignedPost.Attempt attempt;
        if (call.url() == null || secret == null) {
            attempt = new SignedPost.Attempt(
                    at,
                    null,
                    0,
                    call.url() == null
                            ? "The action is no longer connected to a system"
                            : "The signing secret cannot be opened: was casekeeper.webhooks.secret-key changed?");
        } else {
            try {
                attempt = SignedPost.send(
                        http,
                        call.url(),
                        secret,
                        call.body().getBytes(StandardCharsets.UTF_8),
                        Map.of(
                                "User-Agent",
                                "Casekeeper-Actions/1",
                                "Casekeeper-Call-Id",
                                call.id().toString(),
                                "Casekeeper-Action-Id",
                                call.actionId().toString(),
                                "Casekeeper-Event",
                                "action.run"),
                        settings.timeout(),
                        at);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        var retryAt = attempt.succeeded()
                ? null
                : SignedPost.retryAt(
                        call.attempt(),
                        call.createdAt(),
                        attempt.at(),
                        settings.firstRetry(),
                        settings.maxRetryInterval(),
                        settings.retryFor());
        try {
            outcomes.record(call, attempt, retryAt);
        } catch (RuntimeException e) {
            // The call comes due again when its attempt counts as lost, and is sent once more.
            log.warn("Action call {}: could not record its attempt", call.id(), e);
        }
    }
}
