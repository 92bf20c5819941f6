package dev.casekeeper.channels.email;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Background workers that ingest stored raw messages. Each claims up to {@code batch-size} waiting
 * rows at a time with {@code FOR UPDATE SKIP LOCKED}, so workers on every node share the queue without
 * taking the same message, and ingests them in one transaction (one commit for several: under load
 * the wait for the disk was most of a message's time); a worker stopped mid-batch leaves its
 * transaction rolled back and the messages waiting. When a message of a batch fails, the batch rolls
 * back uncounted and the next messages go one at a time, so only the failing one counts an attempt.
 * They wake at once when this node stores a message, and look every poll interval for messages
 * stored by other nodes or left by a crash.
 */
@Component
class ParsingWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ParsingWorkers.class);

    private final ObjectProvider<MessageIngestion> ingestion;
    private final MailSettings.Parsing settings;
    private final Semaphore signal = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    ParsingWorkers(ObjectProvider<MessageIngestion> ingestion, MailSettings settings) {
        this.ingestion = ingestion;
        this.settings = settings.parsing();
    }

    /** A message was stored: wake a sleeping worker. */
    void wake() {
        if (signal.availablePermits() < settings.workers()) {
            signal.release();
        }
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || running) {
            return;
        }
        running = true;
        for (int i = 0; i < settings.workers(); i++) {
            var thread = Thread.ofPlatform()
                    .name("mail-ingestion-" + (i + 1))
                    .daemon()
                    .unstarted(this::work);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (var thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop after the SMTP listener (which may still wake us) and before the database goes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    private void work() {
        var ingest = ingestion.getObject();
        int alone = 0; // after a failed batch, this many messages go one at a time
        while (running) {
            int limit = alone > 0 ? 1 : Math.max(1, settings.batchSize());
            try {
                int done = ingest.processNext(limit);
                alone = Math.max(0, alone - done);
                if (done == 0) {
                    signal.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (MessageIngestion.IngestionFailed e) {
                if (!running) {
                    return;
                }
                if (limit > 1) {
                    // Which message failed, and whether it fails again, is told by trying them alone.
                    alone = limit;
                    log.debug(
                            "A batch of mail ingestion failed at message {}; trying its messages one at a time",
                            e.inboundId,
                            e);
                } else {
                    ingest.recordFailure(e.inboundId, e.getCause());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.error("Mail ingestion failed; retrying shortly", e);
                try {
                    Thread.sleep(settings.pollInterval().toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
