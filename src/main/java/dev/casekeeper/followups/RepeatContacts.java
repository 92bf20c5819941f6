package dev.casekeeper.followups;

import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.sla.SlaSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A customer who writes again within the repeat-contact window after their case was solved: the
 * new case (or the reopened one) is flagged, linked to the earlier case, and counted against who
 * solved it. Each repeat is recorded once.
 */
@Component
class RepeatContacts {

    private static final Logger log = LoggerFactory.getLogger(RepeatContacts.class);
    /** A customer's cases looked at for an earlier solving; more than a handful within days is rare. */
    private static final int RECENT_CASES = 20;

    private final CaseLookup cases;
    private final RepeatContactQueries repeats;
    private final SlaSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RepeatContacts(
            CaseLookup cases,
            RepeatContactQueries repeats,
            SlaSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.cases = cases;
        this.repeats = repeats;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** A new case: does it follow soon after another of the customer's cases was solved? */
    void opened(CaseId caseId) {
        var detail = cases.outline(caseId);
        var kase = detail.summary();
        Instant opened = kase.createdAt();
        Optional<RepeatContactQueries.Solution> earlier = Optional.empty();
        if (kase.followUpOf() != null) {
            var before = cases.outline(kase.followUpOf());
            var solvedAt = Timelines.lastSolvedAt(before);
            if (solvedAt != null && within(solvedAt, opened)) {
                earlier = Optional.of(solution(before, solvedAt));
            }
        }
        if (earlier.isEmpty()) {
            earlier = latestSolvedBefore(kase.requesterId(), caseId, opened);
        }
        earlier.ifPresent(solution -> flag(detail, solution));
    }

    /** The customer's other case solved most recently within the window before {@code opened}. */
    private Optional<RepeatContactQueries.Solution> latestSolvedBefore(
            CustomerId customer, CaseId except, Instant opened) {
        RepeatContactQueries.Solution latest = null;
        for (var other : cases.ofRequester(customer, RECENT_CASES)) {
            if (other.id().equals(except)
                    || (other.status() != CaseStatus.SOLVED && other.status() != CaseStatus.CLOSED)
                    // Not changed since before the window: not solved within it either, no need to read it.
                    || other.updatedAt().isBefore(opened.minus(settings.repeatContactWindow()))) {
                continue;
            }
            var detail = cases.outline(other.id());
            var solvedAt = Timelines.lastSolvedAt(detail);
            if (solvedAt != null
                    && within(solvedAt, opened)
                    && (latest == null || solvedAt.isAfter(latest.solvedAt()))) {
                latest = solution(detail, solvedAt);
            }
        }
        return Optional.ofNullable(latest);
    }

    /** A customer message: did it reopen the case soon after it was solved? */
    void messageReceived(CaseId caseId, UUID entryId) {
        var detail = cases.outline(caseId);
        var solvedAt = Timelines.solvedWhenArrived(detail, entryId);
        var message =
                detail.timeline().stream().filter(e -> e.id().equals(entryId)).findFirst();
        if (solvedAt != null
                && message.isPresent()
                && within(solvedAt, message.get().createdAt())) {
            flag(detail, solution(detail, solvedAt));
        }
    }

    private boolean within(Instant solvedAt, Instant wroteAt) {
        return !wroteAt.isBefore(solvedAt) && !wroteAt.isAfter(solvedAt.plus(settings.repeatContactWindow()));
    }

    private static RepeatContactQueries.Solution solution(CaseDetail detail, Instant solvedAt) {
        var kase = detail.summary();
        return new RepeatContactQueries.Solution(kase.id(), kase.number(), solvedAt, kase.ownerId(), kase.teamId());
    }

    private void flag(CaseDetail detail, RepeatContactQueries.Solution earlier) {
        var kase = detail.summary();
        if (!repeats.record(kase.id(), earlier, kase.requesterId(), clock.instant())) {
            return;
        }
        // A flag beside the case, not a timeline entry: the timeline holds what happened to the
        // customer's problem, and a repeat contact is a finding about it.
        events.publishEvent(new RepeatContactDetected(kase.id(), earlier.caseId()));
        log.info(
                "Case {}: repeat contact after case {} was solved {}", kase.id(), earlier.caseId(), earlier.solvedAt());
    }
}
