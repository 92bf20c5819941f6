package dev.casekeeper.sla;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseOpened;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CustomFieldsChanged;
import dev.casekeeper.cases.MessageReceived;
import dev.casekeeper.cases.OwnerChanged;
import dev.casekeeper.cases.PriorityChanged;
import dev.casekeeper.cases.ReplyPosted;
import dev.casekeeper.cases.StatusChanged;
import dev.casekeeper.customers.CustomerFieldsChanged;
import dev.casekeeper.events.Reactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Every case event that can start, stop, pause or move a clock, or give the case an owner, has the
 * case's clocks worked out again, in the transaction that changed the case: a case is never seen
 * without its clocks, and its clocks never lag behind it (ADR 0015). Idempotent: running one twice
 * changes nothing.
 */
@Component
class SlaCaseListener {

    private static final Logger log = LoggerFactory.getLogger(SlaCaseListener.class);

    private final SlaClocks clocks;
    private final CaseSlaQueries rows;
    private final Reactions reactions;
    private final CaseLookup cases;

    SlaCaseListener(SlaClocks clocks, CaseSlaQueries rows, Reactions reactions, CaseLookup cases) {
        this.clocks = clocks;
        this.rows = rows;
        this.reactions = reactions;
        this.cases = cases;
    }

    /** Only a case opened without a customer message (automatic mail): the others are refreshed once, for that message. */
    @EventListener(condition = "!#event.withCustomerMessage()")
    void on(CaseOpened event) {
        refresh(event.caseId());
    }

    @EventListener
    void on(MessageReceived event) {
        refresh(event.caseId());
    }

    @EventListener
    void on(ReplyPosted event) {
        refresh(event.caseId());
    }

    @EventListener
    void on(StatusChanged event) {
        refresh(event.caseId());
    }

    @EventListener
    void on(OwnerChanged event) {
        refresh(event.caseId());
    }

    @EventListener
    void on(PriorityChanged event) {
        refresh(event.caseId());
    }

    /** A policy may match on a custom field's value. */
    @EventListener
    void on(CustomFieldsChanged event) {
        refresh(event.caseId());
    }

    /**
     * A policy may match on a customer field's value: the customer's cases still running (not solved
     * or closed, whose clocks have stopped for good) get theirs worked out again.
     */
    @EventListener
    void on(CustomerFieldsChanged event) {
        String cursor = null;
        do {
            var page = cases.ofRequester(event.customerId(), cursor, 100);
            page.items().stream()
                    .filter(c -> c.status() != CaseStatus.SOLVED && c.status() != CaseStatus.CLOSED)
                    .forEach(c -> refresh(c.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    /** The clocks could not be worked out with the change: again, after it committed. */
    @ApplicationModuleListener
    void on(ClocksDeferred deferred) {
        clocks.refresh(deferred.caseId());
    }

    /** A policy or calendar changed: every open case gets its clocks worked out again, each in its own transaction. */
    @ApplicationModuleListener
    void on(SlaPoliciesChanged event) {
        var open = rows.openCases();
        log.info("SLA {} changed: re-evaluating {} open case(s)", event.what(), open.size());
        for (var id : open) {
            try {
                clocks.refreshAlone(new CaseId(id));
            } catch (RuntimeException e) {
                log.error("Case {}: could not re-evaluate its SLA clocks", id, e);
            }
        }
    }

    private void refresh(CaseId caseId) {
        reactions.run(() -> clocks.refresh(caseId), new ClocksDeferred(caseId));
    }

    /** A case whose clocks are to be worked out after its change committed, because doing it with the change failed. */
    record ClocksDeferred(CaseId caseId) {}
}
