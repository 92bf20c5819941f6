package dev.casekeeper.followups;

import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.cases.TimelineEntry;
import dev.casekeeper.cases.TimelineEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What follow-ups read from a case's timeline: when it was solved, and where a message arrived. */
final class Timelines {

    private Timelines() {}

    /** When the case last became solved, or null if it never was. */
    static @Nullable Instant lastSolvedAt(CaseDetail detail) {
        Instant solved = null;
        for (var entry : detail.timeline()) {
            if (becameSolved(entry)) {
                solved = entry.createdAt();
            }
        }
        return solved;
    }

    /**
     * When the case had been solved, if it was solved when the customer's message {@code entryId}
     * arrived (the message reopened it); null otherwise.
     */
    static @Nullable Instant solvedWhenArrived(CaseDetail detail, UUID entryId) {
        CaseStatus status = CaseStatus.NEW;
        Instant since = detail.summary().createdAt();
        for (var entry : detail.timeline()) {
            if (entry.id().equals(entryId)) {
                return entry.kind() == EntryKind.MESSAGE_IN && status == CaseStatus.SOLVED ? since : null;
            }
            if (entry.event() instanceof TimelineEvent.StatusChanged changed) {
                status = changed.to();
                since = entry.createdAt();
            }
        }
        return null;
    }

    private static boolean becameSolved(TimelineEntry entry) {
        return entry.event() instanceof TimelineEvent.StatusChanged changed && changed.to() == CaseStatus.SOLVED;
    }
}
