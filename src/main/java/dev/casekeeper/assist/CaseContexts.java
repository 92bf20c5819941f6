package dev.casekeeper.assist;

import dev.casekeeper.assist.detect.CaseContext;
import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.cases.TimelineEntry;
import dev.casekeeper.cases.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reads what the frustration scorer needs to know about a case from its timeline. */
final class CaseContexts {

    private CaseContexts() {}

    /** The case as it stood when the given entry was added: only what came before it counts. */
    static CaseContext before(CaseDetail detail, UUID entryId) {
        var timeline = detail.timeline();
        int index = 0;
        while (index < timeline.size() && !timeline.get(index).id().equals(entryId)) {
            index++;
        }
        var entry = timeline.get(Math.min(index, timeline.size() - 1));
        return context(detail, timeline.subList(0, Math.min(index, timeline.size())), entry.createdAt());
    }

    /** The case as it stands now, for a message not yet on it. */
    static CaseContext now(CaseDetail detail, Instant now) {
        return context(detail, detail.timeline(), now);
    }

    /** The customer's messages on the case, oldest first. */
    static List<String> customerMessages(List<TimelineEntry> timeline) {
        return timeline.stream()
                .filter(e -> e.kind() == EntryKind.MESSAGE_IN && e.bodyText() != null)
                .map(TimelineEntry::bodyText)
                .toList();
    }

    /** The customer's latest message before the given position (exclusive), if any. */
    static @Nullable TimelineEntry lastCustomerMessage(List<TimelineEntry> timeline) {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i).kind() == EntryKind.MESSAGE_IN) {
                return timeline.get(i);
            }
        }
        return null;
    }

    private static CaseContext context(CaseDetail detail, List<TimelineEntry> before, Instant at) {
        var messages = new ArrayList<String>();
        int transfers = 0;
        Instant waitingSince = null;
        for (var entry : before) {
            if (entry.kind() == EntryKind.MESSAGE_IN) {
                if (entry.bodyText() != null) {
                    messages.add(entry.bodyText());
                }
                if (waitingSince == null) {
                    waitingSince = entry.createdAt();
                }
            } else if (entry.kind() == EntryKind.MESSAGE_OUT) {
                waitingSince = null;
            } else if (entry.event() instanceof TimelineEvent.Transferred) {
                transfers++;
            }
        }
        Duration waited = waitingSince == null || waitingSince.isAfter(at) ? null : Duration.between(waitingSince, at);
        return new CaseContext(List.copyOf(messages), detail.summary().followUpOf() != null, transfers, waited);
    }
}
