package dev.casekeeper.callbacks;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import dev.casekeeper.shared.Actor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Warns the owner of a callback (or, while nobody took it, the team) before its window closes, and
 * alerts them and the team's supervisors when it closed with the callback open; once each per window.
 */
@Component
class CallbackAlerts {

    private static final Logger log = LoggerFactory.getLogger(CallbackAlerts.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(
                    "EEE d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final CallbackQueries callbacks;
    private final NotificationManagement notifications;
    private final CaseManagement cases;
    private final Clock clock;

    CallbackAlerts(CallbackQueries callbacks, NotificationManagement notifications, CaseManagement cases, Clock clock) {
        this.callbacks = callbacks;
        this.notifications = notifications;
        this.cases = cases;
        this.clock = clock;
    }

    /** {@code until} is the window the timer was set for: a callback planned again since has timers of its own. */
    void warn(UUID id, Instant until) {
        var callback = callbacks.find(id).orElse(null);
        if (callback == null || !callback.open() || !callback.dueAt().equals(until)) {
            return;
        }
        Set<AgentId> recipients = callback.ownerId() != null
                ? Set.of(callback.ownerId())
                : callback.teamId() != null ? notifications.membersOf(callback.teamId()) : Set.of();
        notifications.notify(Notify.of(
                recipients,
                "callback_due",
                callback.caseId().value(),
                "Case #%d: the customer expects a call back by %s%s"
                        .formatted(
                                callback.caseNumber(),
                                TIME.format(until),
                                callback.ownerId() == null ? "; nobody has taken it yet" : ""),
                "callback:" + id + ":" + until.toEpochMilli() + ":warn"));
    }

    void overdue(UUID id, Instant until) {
        var callback = callbacks.lock(id).orElse(null);
        if (callback == null
                || !callback.open()
                || !callback.dueAt().equals(until)
                || clock.instant().isBefore(until)) {
            return;
        }
        if (!callbacks.markOverdue(id, clock.instant())) {
            return;
        }
        cases.recordEvent(callback.caseId(), Actor.SYSTEM, new TimelineEvent.CallbackOverdue(id, until));
        var recipients = new LinkedHashSet<AgentId>();
        if (callback.ownerId() != null) {
            recipients.add(callback.ownerId());
        }
        recipients.addAll(
                notifications.supervisorsOf(callback.teamId() != null ? List.of(callback.teamId()) : List.of()));
        notifications.notify(Notify.of(
                recipients,
                "callback_overdue",
                callback.caseId().value(),
                "Case #%d: the call back promised by %s has not been made"
                        .formatted(callback.caseNumber(), TIME.format(until)),
                "callback:" + id + ":" + until.toEpochMilli() + ":overdue"));
        log.info("Case {}: callback {} is overdue", callback.caseId(), id);
    }
}
