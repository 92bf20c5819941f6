package dev.casekeeper.followups;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.sla.SlaManagement;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When a case is solved and its policy asks for a check-in, a timer is set; when it fires on a case
 * still solved, the owner gets a follow-up task to confirm the problem stayed solved.
 */
@Component
class Checkins {

    private static final Logger log = LoggerFactory.getLogger(Checkins.class);

    private final CaseManagement cases;
    private final CaseLookup lookup;
    private final SlaManagement sla;
    private final FollowupQueries followups;
    private final FollowupTimers timers;
    private final NotificationManagement notifications;
    private final Clock clock;

    Checkins(
            CaseManagement cases,
            CaseLookup lookup,
            SlaManagement sla,
            FollowupQueries followups,
            FollowupTimers timers,
            NotificationManagement notifications,
            Clock clock) {
        this.cases = cases;
        this.lookup = lookup;
        this.sla = sla;
        this.followups = followups;
        this.timers = timers;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The case became solved: set the check-in timer, if its policy asks for one. */
    void solved(CaseId caseId) {
        var detail = lookup.outline(caseId);
        var solvedAt = Timelines.lastSolvedAt(detail);
        if (solvedAt == null) {
            return;
        }
        sla.checkinAfterSolving(caseId, solvedAt).ifPresent(at -> timers.scheduleCheckin(caseId, solvedAt, at));
    }

    /** The check-in timer of the solving at {@code solvedAt}: a task for the owner, if that solving still stands. */
    void due(CaseId caseId, Instant solvedAt) {
        var detail = lookup.outline(caseId);
        var kase = detail.summary();
        boolean stillSolved = (kase.status() == CaseStatus.SOLVED || kase.status() == CaseStatus.CLOSED)
                && solvedAt.equals(Timelines.lastSolvedAt(detail));
        if (!stillSolved || kase.ownerId() == null) {
            return;
        }
        var id = UUID.randomUUID();
        Instant now = clock.instant();
        String text = "Check in with the customer: did the problem stay solved?";
        if (!followups.insert(
                id,
                caseId,
                kase.number(),
                kase.subject(),
                Followup.Kind.CHECKIN,
                kase.ownerId(),
                text,
                now,
                null,
                now,
                "checkin:" + caseId + ":" + solvedAt.toEpochMilli())) {
            return;
        }
        cases.recordEvent(caseId, Actor.SYSTEM, new TimelineEvent.CheckinDue(id, solvedAt));
        notifications.notify(Notify.of(
                Set.of(kase.ownerId()),
                "checkin_due",
                caseId.value(),
                "Case #%d \"%s\" was solved %s: check in with the customer"
                        .formatted(kase.number(), kase.subject(), Texts.time(solvedAt)),
                "checkin:" + id));
        log.info("Case {}: check-in due for its owner {}", caseId, kase.ownerId());
    }
}
