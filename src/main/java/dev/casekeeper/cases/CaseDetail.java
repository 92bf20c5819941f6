package dev.casekeeper.cases;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A case with its whole timeline and, when it was transferred, the latest handover first. */
public record CaseDetail(CaseSummary summary, @Nullable Handover handover, List<TimelineEntry> timeline) {

    /**
     * Who owned the case when: every assignment and transfer, oldest first, from the timeline in
     * hand (a page that has the case's detail need not read its timeline again).
     */
    public List<OwnerChange> owners() {
        return timeline.stream()
                .map(Handovers::ownerChange)
                .flatMap(java.util.Optional::stream)
                .toList();
    }
}
