package dev.casekeeper.followups;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import dev.casekeeper.shared.Actor;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reminds the owner of a promise before it is due, and alerts them and their supervisors when it is overdue; once each. */
@Component
class PromiseAlerts {

    private static final Logger log = LoggerFactory.getLogger(PromiseAlerts.class);

    private final FollowupQueries followups;
    private final NotificationManagement notifications;
    private final CaseManagement cases;
    private final Clock clock;

    PromiseAlerts(FollowupQueries followups, NotificationManagement notifications, CaseManagement cases, Clock clock) {
        this.followups = followups;
        this.notifications = notifications;
        this.cases = cases;
        this.clock = clock;
    }

    void remind(UUID id) {
        var promise = followups.find(id).orElse(null);
        if (promise == null || promise.state() != Followup.State.OPEN || promise.ownerId() == null) {
            return;
        }
        notifications.notify(Notify.of(
                Set.of(promise.ownerId()),
                "promise_reminder",
                promise.caseId().value(),
                "Case #%d: your promise \"%s\" is due %s"
                        .formatted(promise.caseNumber(), promise.text(), Texts.time(promise.dueAt())),
                "promise:" + id + ":reminder"));
    }

    void overdue(UUID id) {
        var promise = followups.lock(id).orElse(null);
        if (promise == null
                || promise.state() != Followup.State.OPEN
                || clock.instant().isBefore(promise.dueAt())) {
            return;
        }
        if (!followups.markOverdue(id, clock.instant())) {
            return;
        }
        cases.recordEvent(
                promise.caseId(), Actor.SYSTEM, new TimelineEvent.PromiseOverdue(id, promise.text(), promise.dueAt()));
        var recipients = new LinkedHashSet<AgentId>();
        if (promise.ownerId() != null) {
            recipients.add(promise.ownerId());
            recipients.addAll(notifications.supervisorsOf(notifications.teamsOf(promise.ownerId())));
        } else {
            recipients.addAll(notifications.supervisorsOf(List.of()));
        }
        notifications.notify(Notify.of(
                recipients,
                "promise_overdue",
                promise.caseId().value(),
                "Case #%d: the promise \"%s\" was due %s and is not kept"
                        .formatted(promise.caseNumber(), promise.text(), Texts.time(promise.dueAt())),
                "promise:" + id + ":overdue"));
        log.info("Case {}: promise {} is overdue", promise.caseId(), id);
    }
}
