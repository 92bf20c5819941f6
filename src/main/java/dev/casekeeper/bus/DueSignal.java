package dev.casekeeper.bus;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells a module's senders (one per node, each polling an outbox) that work came due. This node's
 * sender is woken on the committing thread right after the commit that wrote the work, not through
 * the cluster bus: the bus hands its messages to every subscriber of every topic on one thread, so a
 * wake-up waited behind whatever else was heard. The other nodes hear it on the topic; this node
 * ignores its own copy, which would only cost a second, empty take. A module makes one per outbox, as
 * a component of its own type.
 */
public class DueSignal {

    private final String node = UUID.randomUUID().toString();
    private final Semaphore wake = new Semaphore(0);
    private final ClusterBus bus;
    private final Topic topic;

    protected DueSignal(ClusterBus bus, Topic topic) {
        this.bus = bus;
        this.topic = topic;
        bus.subscribe(topic, new ClusterBus.Subscriber() {
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
     * Work was written or made due in the current transaction: every node's sender looks once it
     * commits (and none if it rolls back); outside a transaction, at once.
     */
    public void dueAfterCommit() {
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
        bus.publish(topic, node);
    }

    /** This node's sender looks now (or, when it is taking, once more right after). */
    public void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Waits until woken or until the time has passed; wake-ups that came meanwhile count as one. */
    public void await(Duration atMost) throws InterruptedException {
        wake.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
    }
}
