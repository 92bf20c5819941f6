package dev.casekeeper.sla;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import dev.casekeeper.shared.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records warnings, breaches and unowned alerts exactly once each: the record, the case timeline
 * event, the notifications and the published event commit together, and a second attempt (another
 * node, a repeated timer, a replayed event) finds the record and does nothing.
 */
@Component
class SlaAlerts {

    private static final Logger log = LoggerFactory.getLogger(SlaAlerts.class);
    /** How long after a breach a stopped clock's breach is still worth an alert. */
    static final Duration STALE = Duration.ofDays(1);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z");

    private final CaseSlaQueries records;
    private final CaseManagement cases;
    private final NotificationManagement notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SlaAlerts(
            CaseSlaQueries records,
            CaseManagement cases,
            NotificationManagement notifications,
            ApplicationEventPublisher events,
            Clock clock) {
        this.records = records;
        this.cases = cases;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    void warning(CaseDetail detail, CaseClock clock, Instant dueAt, ZoneId zone) {
        var kase = detail.summary();
        if (!record(kase, clock.target().value(), clock.cycle(), "warning", dueAt)) {
            return;
        }
        timeline(kase, new TimelineEvent.SlaWarned(clock.target().value(), clock.cycle(), dueAt));
        String text = "Case #%d \"%s\": %s is due %s"
                .formatted(kase.number(), kase.subject(), words(clock.target()), TIME.format(dueAt.atZone(zone)));
        notifications.notify(
                Notify.of(ownerOrTeam(kase), "sla_warning", kase.id().value(), text, key(kase, clock, "warning")));
        events.publishEvent(new SlaWarned(kase.id(), clock.target(), clock.cycle(), dueAt));
        log.info(
                "Case {}: {} warning recorded, due {}",
                kase.id(),
                clock.target().value(),
                dueAt);
    }

    /**
     * Records the breach, on the timeline and in the figures; tells the owner (or team) and the
     * supervisors unless it is {@linkplain #stale stale}.
     */
    void breach(CaseDetail detail, CaseClock clock, Instant dueAt, ZoneId zone) {
        var kase = detail.summary();
        if (!record(kase, clock.target().value(), clock.cycle(), "breach", dueAt)) {
            return;
        }
        timeline(kase, new TimelineEvent.SlaBreached(clock.target().value(), clock.cycle(), dueAt));
        events.publishEvent(new SlaBreached(kase.id(), clock.target(), clock.cycle(), dueAt));
        if (stale(clock, dueAt)) {
            log.info(
                    "Case {}: {} breached long ago, was due {}; recorded without an alert",
                    kase.id(),
                    clock.target().value(),
                    dueAt);
            return;
        }
        String text = "Case #%d \"%s\": %s target missed (was due %s)"
                .formatted(kase.number(), kase.subject(), words(clock.target()), TIME.format(dueAt.atZone(zone)));
        var recipients = new LinkedHashSet<>(ownerOrTeam(kase));
        recipients.addAll(notifications.supervisorsOf(teams(kase)));
        notifications.notify(Notify.of(recipients, "sla_breach", kase.id().value(), text, key(kase, clock, "breach")));
        log.info("Case {}: {} breached, was due {}", kase.id(), clock.target().value(), dueAt);
    }

    /**
     * A breach found only after its clock stopped and more than {@link #STALE} after it happened: the
     * clocks of a case from the desk's history (loaded, imported, or from before any policy) worked
     * out for the first time when something changes it, such as the automatic close. Nothing can be
     * done for it any more, and a desk closing thousands of such cases would otherwise ring every
     * agent's bell once per case. A breach on a running clock is always told, however late.
     */
    private boolean stale(CaseClock clock, Instant dueAt) {
        return !clock.running() && dueAt.isBefore(this.clock.instant().minus(STALE));
    }

    void unowned(CaseDetail detail, ClockMath.Unowned wait, Instant alertAt, ZoneId zone) {
        var kase = detail.summary();
        if (!record(kase, "unowned", wait.cycle(), "alert", alertAt)) {
            return;
        }
        cases.recordEvent(kase.id(), Actor.SYSTEM, new TimelineEvent.UnownedAlert(wait.since()));
        String text = "Case #%d \"%s\" has had no owner since %s"
                .formatted(
                        kase.number(), kase.subject(), TIME.format(wait.since().atZone(zone)));
        notifications.notify(Notify.of(
                notifications.supervisorsOf(teams(kase)),
                "case_unowned",
                kase.id().value(),
                text,
                "sla:" + kase.id() + ":unowned:" + wait.cycle()));
        events.publishEvent(new CaseUnownedTooLong(kase.id(), wait.cycle(), wait.since()));
        log.info("Case {}: no owner since {}, supervisors told", kase.id(), wait.since());
    }

    private boolean record(CaseSummary kase, String target, int cycle, String kind, Instant dueAt) {
        return records.record(
                kase.id().value(),
                target,
                cycle,
                kind,
                dueAt,
                kase.teamId() == null ? null : kase.teamId().value(),
                kase.ownerId() == null ? null : kase.ownerId().value(),
                clock.instant());
    }

    private void timeline(CaseSummary kase, TimelineEvent event) {
        cases.recordEvent(kase.id(), Actor.SYSTEM, event);
    }

    /** The owner; without one, the case's team; without a team, the supervisors. */
    private Set<AgentId> ownerOrTeam(CaseSummary kase) {
        if (kase.ownerId() != null) {
            return Set.of(kase.ownerId());
        }
        if (kase.teamId() != null) {
            var members = notifications.membersOf(kase.teamId());
            if (!members.isEmpty()) {
                return members;
            }
        }
        return notifications.supervisorsOf(teams(kase));
    }

    private static List<TeamId> teams(CaseSummary kase) {
        return kase.teamId() == null ? List.of() : List.of(kase.teamId());
    }

    private static String key(CaseSummary kase, CaseClock clock, String kind) {
        return "sla:" + kase.id() + ":" + clock.target().value() + ":" + clock.cycle() + ":" + kind;
    }

    private static String words(Target target) {
        return switch (target) {
            case FIRST_RESPONSE -> "the first reply";
            case NEXT_RESPONSE -> "the next reply";
            case RESOLUTION -> "resolution";
        };
    }
}
