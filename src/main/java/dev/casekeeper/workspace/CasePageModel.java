package dev.casekeeper.workspace;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.Team;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.customers.Customer;
import dev.casekeeper.customers.Identity;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Everything the case page shows, with names filled in. */
record CasePageModel(
        CaseSummary kase,
        Customer requester,
        @Nullable String ownerName,
        @Nullable String teamName,
        boolean mine,
        boolean mayTransfer,
        List<TimelineItem> timeline,
        @Nullable HandoverView handover,
        boolean handoverBanner,
        List<OwnerStep> ownerHistory,
        List<CaseRow> otherCases,
        List<ProfileField> fields,
        List<Agent> agents,
        List<Team> teams,
        List<CaseStatus> statuses,
        String transferDraft) {

    public long number() {
        return kase.number();
    }

    public boolean closed() {
        return kase.status() == CaseStatus.CLOSED;
    }

    public List<Priority> priorities() {
        return List.of(Priority.values());
    }

    public List<Identity> identities() {
        return requester.identities();
    }

    /** How many entries the agent has seen: a later one landing while they write is announced. */
    public int entries() {
        return timeline.size();
    }

    /** How many entries there are up to the last message, reply or note. */
    public int conversationEntries() {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i).isConversation()) {
                return i + 1;
            }
        }
        return 0;
    }

    public String tags() {
        return String.join(", ", kase.tags());
    }

    public boolean anyFieldLocked() {
        return fields.stream().anyMatch(ProfileField::locked);
    }
}
