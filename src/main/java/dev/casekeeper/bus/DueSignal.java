package dev.casekeeper.webhooks;

import dev.casekeeper.bus.ClusterBus;
import dev.casekeeper.bus.Topic;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the senders that deliveries came due. This node's sender is woken on the committing thread
 * right after the commit that wrote them, not through the cluster bus: the bus hands its messages to
 * every subscriber of every topic on one thread, so a wake-up waited behind whatever else was heard.
 * The other nodes hear it through the bus; this node ignores its own copy, which would only cost a
 * second, empty take.
 */
@Component
class DueSignal {

    private static final Topic DUE = new Topic("webhooks-due");

    private final String node = UUID.randomUUID().toString();
    private final Semaphore wake = new Semaphore(0);
    private final ClusterBus bus;

    DueSignal(ClusterBus bus) {
        this.bus = bus;
        bus.subscribe(DUE, new ClusterBus.Subscriber() {
            @Override
            public void receive(String payload) {
                if (!payload.equals(node)) {
                    wake();
                }
            }

            @Override
            public void missedMessages() {
                wake();
            }
        });
    }

    /**
     * Deliveries were written or made due in the current transaction: every node's sender looks once
     * it commits (and none if it rolls back); outside a transaction, at once.
     */
    void deliveriesDue() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // At completion, not in afterCommit: written by another synchronization's afterCommit (an
            // after-commit listener), it would register too late for that round (as on the bus).
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        wake();
                    }
                }
            });
        } else {
            wake();
        }
        bus.publish(DUE, node);
    }

    /** This node's sender looks now (or, when it is taking, once more right after). */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Waits until woken or until the time has passed; wake-ups that came meanwhile count as one. */
    void await(Duration atMost) throws InterruptedException {
        wake.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
    }
}
