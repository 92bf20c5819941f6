package dev.casekeeper.reports;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.events.Reactions;
import dev.casekeeper.routing.ContactId;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects the cases and contacts a transaction changed and writes their facts once each, just
 * before it commits (ADR 0021): with the change or not at all, after every other listener of the
 * transaction wrote its part of the timeline, and once for a case however many of its events the
 * transaction published. Each write is a reaction (ADR 0015): when it fails, the change commits
 * anyway and a durable listener writes the facts after the commit.
 */
@Component
class FactsAtCommit {

    private static final Object KEY = new Object();
    private static final Comparator<CaseId> BY_CASE_ID = Comparator.comparing(CaseId::value);
    private static final Comparator<ContactId> BY_CONTACT_ID = Comparator.comparing(ContactId::value);

    private final FactWriter facts;
    private final Reactions reactions;

    FactsAtCommit(FactWriter facts, Reactions reactions) {
        this.facts = facts;
        this.reactions = reactions;
    }

    void caseOpened(CaseId id) {
        var pending = pending();
        if (pending == null) {
            caseNow(id);
        } else {
            pending.opened.add(id);
        }
    }

    void caseChanged(CaseId id) {
        var pending = pending();
        if (pending == null) {
            caseNow(id);
        } else {
            pending.changed.add(id);
        }
    }

    /** Something of the case changed that may be only its tags: written unless the case is written anyway. */
    void caseUpdated(CaseId id) {
        var pending = pending();
        if (pending == null) {
            reactions.run(() -> facts.writeTags(id), new CaseFactsDeferred(id));
        } else {
            pending.updated.add(id);
        }
    }

    void contactChanged(ContactId id) {
        var pending = pending();
        if (pending == null) {
            contactNow(id);
        } else {
            pending.contacts.add(id);
        }
    }

    private void caseNow(CaseId id) {
        reactions.run(() -> facts.refreshCase(id), new CaseFactsDeferred(id));
    }

    private void contactNow(ContactId id) {
        reactions.run(() -> facts.refreshContact(id), new ContactFactsDeferred(id));
    }

    /** This transaction's list, or null outside a transaction (or once it is committing): then now. */
    private @Nullable Pending pending() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return null;
        }
        if (TransactionSynchronizationManager.getResource(KEY) instanceof Pending pending) {
            return pending.done ? null : pending;
        }
        var pending = new Pending();
        TransactionSynchronizationManager.bindResource(KEY, pending);
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    /**
     * One transaction's changed cases and contacts. Existing cases are written in the order of their
     * ids: each write waits for other transactions writing the same case, and one order for all
     * keeps two transactions of the same two cases (a merge) from waiting for each other.
     */
    private final class Pending implements TransactionSynchronization {

        private final Set<CaseId> opened = new LinkedHashSet<>();
        private final Set<CaseId> changed = new TreeSet<>(BY_CASE_ID);
        private final Set<ContactId> contacts = new TreeSet<>(BY_CONTACT_ID);
        private final Set<CaseId> updated = new LinkedHashSet<>();
        private boolean done;

        @Override
        public void beforeCommit(boolean readOnly) {
            // A write publishes nothing these listeners hear, but drain until empty in case it ever does.
            while (!opened.isEmpty() || !changed.isEmpty() || !contacts.isEmpty() || !updated.isEmpty()) {
                var openedNow = List.copyOf(opened);
                var changedNow = new TreeSet<>(BY_CASE_ID);
                changedNow.addAll(changed);
                var contactsNow = new TreeSet<>(BY_CONTACT_ID);
                contactsNow.addAll(contacts);
                var updatedNow = new LinkedHashSet<>(updated);
                updated.clear();
                opened.clear();
                changed.clear();
                contacts.clear();
                changedNow.removeAll(openedNow);
                updatedNow.removeAll(openedNow);
                updatedNow.removeAll(changedNow);
                for (var id : openedNow) {
                    reactions.run(() -> facts.writeOpenedCase(id), new CaseFactsDeferred(id));
                }
                for (var id : changedNow) {
                    caseNow(id);
                }
                for (var id : contactsNow) {
                    contactNow(id);
                }
                for (var id : updatedNow) {
                    reactions.run(() -> facts.writeTags(id), new CaseFactsDeferred(id));
                }
            }
            done = true;
        }

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

    /** A case whose facts are written after its change committed, because writing them with it failed. */
    record CaseFactsDeferred(CaseId caseId) {}

    /** A contact whose facts are written after its change committed, because writing them with it failed. */
    record ContactFactsDeferred(ContactId contactId) {}
}
