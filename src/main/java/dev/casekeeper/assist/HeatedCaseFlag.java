package dev.casekeeper.assist;

import dev.casekeeper.cases.CaseFlags;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A case flagged heated is marked so on the case too, in the same transaction, for lists that filter by it. */
@Component
class HeatedCaseFlag {

    private final CaseFlags flags;

    HeatedCaseFlag(CaseFlags flags) {
        this.flags = flags;
    }

    @EventListener
    void on(CaseHeated event) {
        flags.heated(event.caseId(), true);
    }
}
