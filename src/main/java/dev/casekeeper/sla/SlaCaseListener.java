package dev.casekeeper.sla;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseOpened;
import dev.casekeeper.cases.MessageReceived;
import dev.casekeeper.cases.OwnerChanged;
import dev.casekeeper.cases.PriorityChanged;
import dev.casekeeper.cases.ReplyPosted;
import dev.casekeeper.cases.StatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Every case event that can start, stop, pause or move a clock, or give the case an owner, has the
 * case's clocks worked out again. Idempotent: running one twice changes nothing.
 */
@Component
class SlaCaseListener {

    private static final Logger log = LoggerFactory.getLogger(SlaCaseListener.class);

    private final SlaClocks clocks;
    private final CaseSlaQueries rows;

    SlaCaseListener(SlaClocks clocks, CaseSlaQueries rows) {
        this.clocks = clocks;
        this.rows = rows;
    }

    /**
     * Only a case opened without a customer message (automatic mail): the others are refreshed once, for
     * that message. The condition is tried when the event is published, so the others are not even
     * recorded for this listener.
     */
    @ApplicationModuleListener(condition = "!#event.withCustomerMessage()")
    void on(CaseOpened event) {
        if (!event.withCustomerMessage()) {
            clocks.refresh(event.caseId());
        }
    }

    @ApplicationModuleListener
    void on(MessageReceived event) {
        clocks.refresh(event.caseId());
    }

    @ApplicationModuleListener
    void on(ReplyPosted event) {
        clocks.refresh(event.caseId());
    }

    @ApplicationModuleListener
    void on(StatusChanged event) {
        clocks.refresh(event.caseId());
    }

    @ApplicationModuleListener
    void on(OwnerChanged event) {
        clocks.refresh(event.caseId());
    }

    @ApplicationModuleListener
    void on(PriorityChanged event) {
        clocks.refresh(event.caseId());
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
}
