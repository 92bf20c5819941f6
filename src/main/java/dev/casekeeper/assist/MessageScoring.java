package dev.casekeeper.assist;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.shared.Actor;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores each inbound customer message and, when it makes the case heated, raises the case one
 * priority step (an {@code escalated} event on its timeline), alerts the supervisors and publishes
 * {@link CaseHeated}; every score stored publishes {@link MessageScored}; a message asking for a supervisor publishes {@link SupervisorAskedFor} whether
 * the case was heated before or not. Runs once per message: the stored score is the mark that it ran, so a
 * redelivered event changes nothing; a case already heated is not raised again until a
 * supervisor clears it.
 */
@Service
class MessageScoring {

    private static final Logger log = LoggerFactory.getLogger(MessageScoring.class);

    private final CaseManagement cases;
    private final CaseLookup lookup;
    private final Customers customers;
    private final Detectors detectors;
    private final Supervisors supervisors;
    private final AssistQueries queries;
    private final AssistSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessageScoring(
            CaseManagement cases,
            CaseLookup lookup,
            Customers customers,
            Detectors detectors,
            Supervisors supervisors,
            AssistQueries queries,
            AssistSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.cases = cases;
        this.lookup = lookup;
        this.customers = customers;
        this.detectors = detectors;
        this.supervisors = supervisors;
        this.queries = queries;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void score(CaseId caseId, UUID entryId) {
        var detail = lookup.outline(caseId);
        var entry = detail.timeline().stream()
                .filter(e -> e.id().equals(entryId))
                .findFirst()
                .orElse(null);
        if (entry == null || entry.kind() != EntryKind.MESSAGE_IN || entry.bodyText() == null) {
            return;
        }
        var language = detectors.language(customers.languageOf(detail.summary().requesterId()));
        var score = detectors.scorer(language).score(entry.bodyText(), CaseContexts.before(detail, entryId));
        var now = clock.instant();
        if (!queries.insertScore(entryId, caseId.value(), score, entry.createdAt(), now)) {
            return;
        }
        events.publishEvent(new MessageScored(caseId, entryId, score.score(), score.level()));
        if (!score.heated()) {
            return;
        }
        if (!queries.flagHeated(caseId.value(), entryId, score, now)) {
            // Already heated: no second alert, but a request for a supervisor still reaches routing.
            if (score.supervisorRequested()) {
                events.publishEvent(new SupervisorAskedFor(caseId, entryId, false));
            }
            return;
        }
        log.info(
                "Case {} is heated: frustration {} ({}){}",
                caseId,
                score.score(),
                String.join(", ", score.signals()),
                score.supervisorRequested() ? ", supervisor requested" : "");
        if (settings.raisesPriority()) {
            cases.escalate(caseId, reason(score), Actor.SYSTEM);
        }
        var team = detail.summary().teamId();
        var alerted = supervisors.of(team);
        alerted.forEach(supervisor -> queries.insertAlert(supervisor.value(), caseId.value(), entryId, score, now));
        events.publishEvent(new CaseHeated(
                caseId, entryId, score.score(), score.supervisorRequested(), score.signals(), team, alerted));
        if (score.supervisorRequested()) {
            events.publishEvent(new SupervisorAskedFor(caseId, entryId, !alerted.isEmpty()));
        }
    }

    private static String reason(FrustrationScore score) {
        return (score.supervisorRequested() ? "The customer asked for a supervisor; " : "") + "frustration "
                + score.score() + "/100 (" + SignalWords.of(score.signals()) + ")";
    }
}
