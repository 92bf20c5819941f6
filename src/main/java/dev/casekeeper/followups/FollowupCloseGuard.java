package dev.casekeeper.followups;

import dev.casekeeper.cases.CaseCloseGuard;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseStatus;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A case is not solved or closed while a promise on it is open: the refusal names the promise. */
@Component
class FollowupCloseGuard implements CaseCloseGuard {

    private final FollowupQueries followups;

    FollowupCloseGuard(FollowupQueries followups) {
        this.followups = followups;
    }

    @Override
    public Optional<Refusal> refusal(CaseId caseId, CaseStatus target) {
        var open = followups.openPromises(caseId);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        var first = open.getFirst();
        String more = open.size() > 1 ? " (and " + (open.size() - 1) + " more)" : "";
        return Optional.of(new Refusal(
                "open-promise",
                "Case " + first.caseNumber() + " cannot become " + target.value()
                        + " while the promise \"" + first.text() + "\" (due " + Texts.time(first.dueAt()) + ")" + more
                        + " is open; keep it or withdraw it first"));
    }
}
