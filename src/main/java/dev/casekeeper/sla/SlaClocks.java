package dev.casekeeper.sla;

import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.CaseFlags;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.SlaState;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a case's SLA clocks true: works them out from the case as it is now, records any warning,
 * breach or unowned alert whose moment has passed, and leaves one timer for each moment still to
 * come. Every case event and every timer runs the same {@link #refresh}, under the case's SLA row
 * lock, so the outcome does not depend on which ran first or how often.
 */
@Service
class SlaClocks {

    private static final Logger log = LoggerFactory.getLogger(SlaClocks.class);

    private final CaseLookup cases;
    private final CaseFlags flags;
    private final PolicyMatcher policies;
    private final CaseSlaQueries rows;
    private final SlaAlerts alerts;
    private final SlaTimers timers;
    private final SlaSettings settings;
    private final Clock clock;

    SlaClocks(
            CaseLookup cases,
            CaseFlags flags,
            PolicyMatcher policies,
            CaseSlaQueries rows,
            SlaAlerts alerts,
            SlaTimers timers,
            SlaSettings settings,
            Clock clock) {
        this.cases = cases;
        this.flags = flags;
        this.policies = policies;
        this.rows = rows;
        this.alerts = alerts;
        this.timers = timers;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public void refresh(CaseId caseId) {
        Instant now = clock.instant();
        var locked = rows.lock(caseId.value());
        CaseDetail detail;
        try {
            detail = cases.outline(caseId);
        } catch (NotFoundException e) {
            log.warn("SLA asked about case {}, which does not exist", caseId);
            return;
        }
        var match = policies.match(detail.summary(), locked.policiesVersion());
        var calendar = match.map(PolicyMatcher.Match::businessCalendar).orElseGet(BusinessCalendar::always);
        var moments = new ArrayList<Instant>(); // of the warnings, breaches and alerts still to come
        var caseClocks = clocks(detail, match.orElse(null));
        for (var clock : caseClocks) {
            Instant breached = clock.breachedBy(calendar, now);
            if (breached != null) {
                alerts.breach(detail, clock, breached, calendar.zone());
            } else {
                Instant warned = clock.warnedBy(calendar, settings.warningShare(), now);
                Instant due = clock.whenUsed(calendar, clock.budget());
                if (warned != null && due != null && clock.running()) {
                    alerts.warning(detail, clock, due, calendar.zone());
                }
            }
            if (clock.running()) {
                addIfAfter(moments, clock.whenShareUsed(calendar, settings.warningShare()), now);
                addIfAfter(moments, clock.whenUsed(calendar, clock.budget()), now);
            }
        }
        var wait = ClockMath.unowned(detail);
        if (wait != null) {
            Instant alertAt = calendar.plus(wait.since(), settings.unownedAlertAfter());
            if (alertAt.isAfter(now)) {
                moments.add(alertAt);
            } else {
                alerts.unowned(detail, wait, alertAt, calendar.zone());
            }
        }
        // One timer, at the earliest moment: it only asks for this refresh again, which records
        // what is due then and leaves the timer for the next moment.
        var timer = timers.replace(
                caseId,
                locked.scheduled(),
                moments.stream().min(Instant::compareTo).orElse(null),
                locked.timers() == null);
        flags.slaState(caseId, state(caseClocks, calendar, now));
        rows.save(
                caseId.value(),
                match.map(m -> m.policy().id().value()).orElse(null),
                detail.summary().status() == CaseStatus.CLOSED,
                timer,
                now);
    }

    /**
     * The case's SLA state for lists: breached once any clock missed its target, at risk while a
     * running clock is past its warning, met when every clock ended within its target; otherwise none.
     */
    private @Nullable SlaState state(List<CaseClock> clocks, BusinessCalendar calendar, Instant now) {
        if (clocks.isEmpty()) {
            return null;
        }
        if (clocks.stream().anyMatch(c -> c.breachedBy(calendar, now) != null)) {
            return SlaState.BREACHED;
        }
        if (clocks.stream().anyMatch(c -> c.running() && c.warnedBy(calendar, settings.warningShare(), now) != null)) {
            return SlaState.AT_RISK;
        }
        return clocks.stream().allMatch(c -> c.phase() == CaseClock.Phase.MET) ? SlaState.MET : null;
    }

    /** {@link #refresh} in a transaction of its own, so one case's failure leaves the others' work in place. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refreshAlone(CaseId caseId) {
        refresh(caseId);
    }

    /** The case's SLA as it stands now, for reading; records nothing. */
    @Transactional(readOnly = true)
    public CaseSla view(CaseDetail detail) {
        Instant now = clock.instant();
        var match = policies.match(detail.summary());
        if (match.isEmpty()) {
            return new CaseSla(detail.summary().id(), null, null, List.of());
        }
        var calendar = match.get().businessCalendar();
        var recorded = rows.recorded(detail.summary().id().value());
        var views = new ArrayList<CaseSla.Clock>();
        var clocks = clocks(detail, match.get());
        for (var clock : clocks) {
            if (clock.target() == Target.NEXT_RESPONSE && clock != lastNextResponse(clocks)) {
                continue;
            }
            views.add(view(clock, calendar, recorded, now));
        }
        var policy = match.get().policy();
        var cal = match.get().calendar();
        return new CaseSla(
                detail.summary().id(),
                new CaseSla.PolicyRef(policy.id(), policy.name()),
                new CaseSla.CalendarRef(cal.id(), cal.name(), cal.zone().getId()),
                views);
    }

    private CaseSla.Clock view(CaseClock clock, BusinessCalendar calendar, Map<String, Instant> recorded, Instant now) {
        String key = clock.target().value() + ":" + clock.cycle() + ":";
        Instant due = clock.whenUsed(calendar, clock.budget());
        Instant warnAt = clock.whenShareUsed(calendar, settings.warningShare());
        Instant breachedAt = recorded.containsKey(key + "breach") ? due : clock.breachedBy(calendar, now);
        Instant warnedAt = recorded.get(key + "warning");
        Duration left = clock.budget().minus(clock.used(calendar, now));
        String state;
        if (breachedAt != null || recorded.containsKey(key + "breach")) {
            state = "breached";
        } else {
            state = switch (clock.phase()) {
                case MET -> "met";
                case STOPPED -> "stopped";
                case PAUSED -> "paused";
                case RUNNING -> warnedAt != null || (warnAt != null && !warnAt.isAfter(now)) ? "warned" : "running";
            };
        }
        boolean counting = clock.running();
        return new CaseSla.Clock(
                clock.target(),
                clock.cycle(),
                state,
                clock.budget(),
                clock.startedAt(),
                counting ? warnAt : null,
                counting || breachedAt != null ? due : null,
                left,
                warnedAt,
                breachedAt,
                clock.endedAt());
    }

    private static @Nullable CaseClock lastNextResponse(List<CaseClock> clocks) {
        CaseClock last = null;
        for (var clock : clocks) {
            if (clock.target() == Target.NEXT_RESPONSE) {
                last = clock;
            }
        }
        return last;
    }

    private static List<CaseClock> clocks(CaseDetail detail, PolicyMatcher.@Nullable Match match) {
        if (match == null) {
            return List.of();
        }
        var targets = match.policy().targets().get(detail.summary().priority());
        if (targets == null) {
            return List.of();
        }
        return ClockMath.clocks(detail, targets, match.policy().pauseOnHold());
    }

    private static void addIfAfter(List<Instant> moments, @Nullable Instant at, Instant now) {
        if (at != null && at.isAfter(now)) {
            moments.add(at);
        }
    }
}
