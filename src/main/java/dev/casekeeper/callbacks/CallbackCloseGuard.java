package dev.casekeeper.callbacks;

import dev.casekeeper.cases.CaseCloseGuard;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseStatus;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A case is not solved or closed while a callback promised on it is open: the customer still waits for the call. */
@Component
class CallbackCloseGuard implements CaseCloseGuard {

    private final CallbackQueries callbacks;

    CallbackCloseGuard(CallbackQueries callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public Optional<Refusal> refusal(CaseId caseId, CaseStatus target) {
        var open = callbacks.openOfCase(caseId);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        var first = open.getFirst();
        return Optional.of(new Refusal(
                "open-callback",
                "Case " + first.caseNumber() + " cannot become " + target.value()
                        + " while a callback promised to the customer (until " + first.dueAt()
                        + ") is open; call them back and record the outcome first"));
    }
}
