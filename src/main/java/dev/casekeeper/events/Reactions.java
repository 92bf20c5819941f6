package dev.casekeeper.events;

import java.sql.SQLException;
import java.sql.Savepoint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a module's reaction to another module's event inside the transaction that published it, from
 * a plain {@code @EventListener}: the reaction commits together with the change it reacts to, or not
 * at all, and costs no transaction, no publication row and no thread hand-over of its own (ADR 0015).
 *
 * <p>The reaction runs in a savepoint. When it fails, only its own writes are undone, the change it
 * reacted to still commits, and the given deferral event is published in its place: a durable
 * listener of that event runs the reaction again after the commit, retried like any publication
 * (ADR 0013). So a reaction's bug never refuses a customer's message.
 *
 * <p>The savepoint is set on the transaction's connection and, when the reaction succeeds, not
 * released: a released savepoint and a kept one commit or roll back alike with the transaction, and
 * the release would cost one more round trip to PostgreSQL for every reaction of every message.
 */
@Component
public class Reactions {

    private static final Logger log = LoggerFactory.getLogger(Reactions.class);

    private final TransactionTemplate alone;
    private final @Nullable Object dataSource;
    private final ApplicationEventPublisher events;

    Reactions(PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.alone = new TransactionTemplate(transactions);
        this.dataSource = transactions instanceof DataSourceTransactionManager jdbc ? jdbc.getDataSource() : null;
        this.events = events;
    }

    /**
     * Runs the reaction now, in the caller's transaction; when it fails, publishes {@code deferral}
     * for a durable listener that runs it after the commit.
     */
    public void run(Runnable reaction, Object deferral) {
        var transaction = transaction();
        if (transaction == null) {
            // Nothing to react inside of: the reaction is a transaction of its own.
            try {
                alone.executeWithoutResult(status -> reaction.run());
            } catch (RuntimeException e) {
                deferred(deferral, e);
            }
            return;
        }
        Savepoint savepoint = savepoint(transaction);
        try {
            reaction.run();
        } catch (RuntimeException e) {
            undo(transaction, savepoint);
            events.publishEvent(new ReactionUndone());
            deferred(deferral, e);
        }
    }

    private @Nullable ConnectionHolder transaction() {
        if (dataSource == null || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        return TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder
                ? holder
                : null;
    }

    private static Savepoint savepoint(ConnectionHolder transaction) {
        try {
            return transaction.createSavepoint();
        } catch (SQLException e) {
            throw new TransactionSystemException("Could not set a savepoint for a reaction", e);
        }
    }

    /**
     * Back to before the reaction, and the transaction no longer marked rollback-only by whatever
     * part of the reaction failed inside it, as Spring does for a nested transaction.
     */
    private static void undo(ConnectionHolder transaction, Savepoint savepoint) {
        try {
            transaction.getConnection().rollback(savepoint);
        } catch (SQLException e) {
            throw new TransactionSystemException("Could not roll a failed reaction back", e);
        }
        transaction.resetRollbackOnly();
    }

    private void deferred(Object deferral, RuntimeException e) {
        log.warn("A reaction failed in the transaction it reacts to and runs again after the commit: {}", deferral, e);
        events.publishEvent(deferral);
    }
}
