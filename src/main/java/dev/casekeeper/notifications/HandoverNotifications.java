package dev.casekeeper.notifications;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.OwnerChanged;
import dev.casekeeper.cases.TimelineEntry;
import dev.casekeeper.cases.TimelineEvent;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells an agent a case was handed to them: transferred to them, or assigned to them by someone
 * else (an agent taking a case, and routing handing one out, tell nobody). The notification opens
 * the case, whose page shows the transfer's reason and summary first. One notification per
 * hand-over: the key is the timeline entry that recorded it.
 */
@Component
class HandoverNotifications {

    static final String TRANSFERRED = "case_transferred";
    static final String ASSIGNED = "case_assigned";

    private final CaseLookup cases;
    private final AgentManagement agents;
    private final NotificationManagement notifications;

    HandoverNotifications(CaseLookup cases, AgentManagement agents, NotificationManagement notifications) {
        this.cases = cases;
        this.agents = agents;
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(OwnerChanged changed) {
        var owner = changed.ownerId();
        var by = changed.byAgentId();
        if (owner == null || by == null || owner.equals(by)) {
            return;
        }
        var detail = cases.detail(changed.caseId());
        var recorded = detail.timeline().reversed().stream()
                .filter(entry -> handsTo(entry, owner, changed.transfer()))
                .findFirst();
        if (recorded.isEmpty()) {
            return;
        }
        var kase = detail.summary();
        String byName = agents.find(by).name();
        String onceKey = "handover:" + recorded.get().id();
        if (changed.transfer()) {
            var transferred = recorded.get().event(TimelineEvent.Transferred.class);
            notifications.notify(Notify.of(
                    Set.of(owner),
                    TRANSFERRED,
                    kase.id().value(),
                    "Case #%d \"%s\" was transferred to you by %s: %s. Open the case for the summary."
                            .formatted(kase.number(), kase.subject(), byName, transferred.reason()),
                    onceKey));
        } else {
            notifications.notify(Notify.of(
                    Set.of(owner),
                    ASSIGNED,
                    kase.id().value(),
                    "Case #%d \"%s\" was assigned to you by %s".formatted(kase.number(), kase.subject(), byName),
                    onceKey));
        }
    }

    private static boolean handsTo(TimelineEntry entry, AgentId owner, boolean transfer) {
        if (transfer) {
            var transferred = entry.event(TimelineEvent.Transferred.class);
            return transferred != null && owner.equals(transferred.toAgentId());
        }
        var assigned = entry.event(TimelineEvent.Assigned.class);
        return assigned != null && owner.equals(assigned.toAgentId());
    }
}
