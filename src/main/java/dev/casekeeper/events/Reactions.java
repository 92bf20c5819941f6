package dev.casekeeper.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
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
 */
@Component
public class Reactions {

    private static final Logger log = LoggerFactory.getLogger(Reactions.class);

    private final TransactionTemplate savepoint;
    private final ApplicationEventPublisher events;

    Reactions(PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.events = events;
    }

    /**
     * Runs the reaction now, in the caller's transaction; when it fails, publishes {@code deferral}
     * for a durable listener that runs it after the commit.
     */
    public void run(Runnable reaction, Object deferral) {
        try {
            savepoint.executeWithoutResult(status -> reaction.run());
        } catch (RuntimeException e) {
            log.warn(
                    "A reaction failed in the transaction it reacts to and runs again after the commit: {}",
                    deferral,
                    e);
            events.publishEvent(deferral);
        }
    }
}
