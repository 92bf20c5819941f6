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
 * Background workers that ingest stored raw messages. Each claims one waiting row at a time with
 * {@code FOR UPDATE SKIP LOCKED}, so workers on every node share the queue without taking the same
 * message; a worker stopped mid-message leaves its transaction rolled back and the message waiting.
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
            var thread = Thread.ofPlatform().name("mail-ingestion-" + (i + 1)).daemon().unstarted(this::work);
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
        while (running) {
            try {
                if (!ingest.processNext()) {
                    signal.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (MessageIngestion.IngestionFailed e) {
                if (!running) {
                    return;
                }
                ingest.recordFailure(e.inboundId, e.getCause());
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
