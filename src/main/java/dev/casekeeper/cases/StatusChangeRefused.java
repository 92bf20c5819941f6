package dev.casekeeper.cases;

import dev.casekeeper.shared.ConflictException;

/**
 * A status the case cannot move to from the one it has (a closed case is final). Carries both
 * statuses, so a page can say it in the reader's words instead of the API's.
 */
public class StatusChangeRefused extends ConflictException {

    private final CaseStatus from;
    private final CaseStatus to;

    StatusChangeRefused(long number, CaseStatus from, CaseStatus to, String allowed) {
        super(
                "status-transition",
                "Case " + number + " is " + from.value() + " and cannot become " + to.value() + " (allowed: " + allowed
                        + ")");
        this.from = from;
        this.to = to;
    }

    public CaseStatus from() {
        return from;
    }

    public CaseStatus to() {
        return to;
    }
}
