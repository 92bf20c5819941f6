package dev.casekeeper.workspace;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.assist.AssistManagement;
import dev.casekeeper.cases.CaseStatus;
import org.springframework.stereotype.Component;

/** Asks the assist module what the case page shows beside the conversation. */
@Component
class AssistViews {

    private final AssistManagement assist;

    AssistViews(AssistManagement assist) {
        this.assist = assist;
    }

    AssistView of(CasePageModel page, SignedInAgent me) {
        var id = page.kase().id();
        boolean open = !page.closed();
        boolean solvable = open
                && page.kase().status() != CaseStatus.SOLVED
                && page.statuses().contains(CaseStatus.SOLVED);
        return new AssistView(
                assist.trend(id, me),
                open ? assist.templatesFor(id, me) : null,
                assist.closing(id, me).orElse(null),
                solvable ? assist.farewell(id, me) : "",
                solvable);
    }
}
