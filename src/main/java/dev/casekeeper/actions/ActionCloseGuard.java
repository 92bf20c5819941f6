package dev.casekeeper.actions;

import dev.casekeeper.cases.CaseCloseGuard;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseStatus;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A case is not solved or closed while an action on it is open: the customer was promised a refund,
 * a replacement or a visit that is still waiting for an approval or on its way.
 */
@Component
class ActionCloseGuard implements CaseCloseGuard {

    private final ActionQueries actions;

    ActionCloseGuard(ActionQueries actions) {
        this.actions = actions;
    }

    @Override
    public Optional<Refusal> refusal(CaseId caseId, CaseStatus target) {
        var open = actions.openOfCase(caseId);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        var first = open.getFirst();
        return Optional.of(new Refusal(
                "open-action",
                "Case " + first.caseNumber() + " cannot become " + target.value() + " while the action \""
                        + first.title() + "\" is "
                        + (first.state() == ActionState.AWAITING_APPROVAL
                                ? "waiting for an approval; ask the approver to decide it, or withdraw it, first"
                                : "running; wait for its result or mark it done first")));
    }
}
