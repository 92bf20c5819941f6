package dev.casekeeper.cases;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Outlines of cases read in the current transaction, kept until the transaction writes any case or
 * entry. A customer's message is reacted to in its own transaction by several modules (clocks, score,
 * repeat contact, ADR 0015), and each asks for the same outline: it is read once. Every write in this
 * package calls {@link #forget()}; so does a reaction whose savepoint was rolled back, since what was
 * read after its writes is gone with them.
 */
final class TransactionOutlines {

    private static final Object KEY = new Object();

    private TransactionOutlines() {}

    /** The outline read earlier in this transaction, else {@code read}'s, kept for the rest of it. */
    static CaseDetail get(UUID caseId, Supplier<CaseDetail> read) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return read.get();
        }
        var kept = kept();
        var outline = kept.get(caseId);
        if (outline == null) {
            outline = read.get();
            kept.put(caseId, outline);
        }
        return outline;
    }

    /** Something in this transaction changed a case: what was read before may be out of date. */
    static void forget() {
        if (TransactionSynchronizationManager.getResource(KEY) instanceof Kept kept) {
            kept.outlines.clear();
        }
    }

    private static Map<UUID, CaseDetail> kept() {
        if (TransactionSynchronizationManager.getResource(KEY) instanceof Kept kept) {
            return kept.outlines;
        }
        var kept = new Kept();
        TransactionSynchronizationManager.bindResource(KEY, kept);
        TransactionSynchronizationManager.registerSynchronization(kept);
        return kept.outlines;
    }

    /** Bound to one transaction: set aside while a transaction of its own runs inside it, gone after it. */
    private static final class Kept implements TransactionSynchronization {

        private final Map<UUID, CaseDetail> outlines = new HashMap<>();

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(KEY);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(KEY, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        }
    }
}
