package dev.casekeeper.followups;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.shared.AcceptedDates;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.Cursor;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.shared.Slice;
import dev.casekeeper.sla.SlaSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promises and check-ins: record a promise on a case, keep or withdraw it, list an agent's
 * follow-ups, a case's follow-ups and repeat contacts, and count repeat contacts per agent and team.
 */
@Service
@Transactional
public class FollowupManagement {

    private static final Logger log = LoggerFactory.getLogger(FollowupManagement.class);
    static final int MAX_TEXT = 500;

    private final FollowupQueries followups;
    private final RepeatContactQueries repeats;
    private final FollowupTimers timers;
    private final CaseManagement cases;
    private final CaseLookup lookup;
    private final AgentManagement agents;
    private final SlaSettings settings;
    private final Clock clock;

    FollowupManagement(
            FollowupQueries followups,
            RepeatContactQueries repeats,
            FollowupTimers timers,
            CaseManagement cases,
            CaseLookup lookup,
            AgentManagement agents,
            SlaSettings settings,
            Clock clock) {
        this.followups = followups;
        this.repeats = repeats;
        this.timers = timers;
        this.cases = cases;
        this.lookup = lookup;
        this.agents = agents;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Records a promise on a case the agent can see. It is owned by the case's owner (or, on an
     * unowned case, by the agent who made it), shown on the case, reminded before it is due, and
     * keeps the case from being solved until it is kept or withdrawn.
     */
    public Followup recordPromise(CaseId caseId, RecordPromise promise, SignedInAgent by) {
        String text = promise.text().strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("text", "say what was promised");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("text", "must be at most " + MAX_TEXT + " characters");
        }
        Instant now = clock.instant();
        if (!promise.dueAt().isAfter(now)) {
            throw new InvalidInputException("dueAt", "must be in the future");
        }
        if (!AcceptedDates.contains(promise.dueAt())) {
            throw new InvalidInputException("dueAt", AcceptedDates.PROBLEM);
        }
        var kase = lookup.find(caseId, by).summary();
        if (kase.status() == CaseStatus.CLOSED) {
            throw new ConflictException(
                    "case-closed", "Case " + kase.number() + " is closed and cannot take a promise");
        }
        var owner = kase.ownerId() != null ? kase.ownerId() : by.id();
        var id = new FollowupId(UUID.randomUUID());
        followups.insert(
                id.value(),
                caseId,
                kase.number(),
                kase.subject(),
                Followup.Kind.PROMISE,
                owner,
                text,
                promise.dueAt(),
                by.id(),
                now,
                null);
        cases.recordEvent(
                caseId, by.actor(), new TimelineEvent.PromiseRecorded(id.value(), text, promise.dueAt(), owner));
        timers.schedulePromise(id, promise.dueAt(), settings.promiseReminderLead(), now);
        log.info("Case {}: promise {} recorded, due {}", caseId, id, promise.dueAt());
        return followups.find(id.value()).orElseThrow();
    }

    /** Marks a promise kept (or a check-in done), with a note of what was done. */
    public Followup keep(FollowupId id, String note, SignedInAgent by) {
        if (note.isBlank()) {
            throw new InvalidInputException("note", "say what was done");
        }
        return close(id, Followup.State.KEPT, note.strip(), by);
    }

    /** Withdraws a promise (or a check-in), with the reason the team will see on the case. */
    public Followup withdraw(FollowupId id, String reason, SignedInAgent by) {
        if (reason.isBlank()) {
            throw new InvalidInputException("reason", "say why it is withdrawn; the team sees it on the case");
        }
        return close(id, Followup.State.WITHDRAWN, reason.strip(), by);
    }

    /**
     * An agent's follow-ups, soonest due first: the caller's own ("My follow-ups"), or, for a
     * supervisor or admin, another agent's. {@code state} null means every state.
     */
    @Transactional(readOnly = true)
    public Slice<Followup> ofOwner(
            @Nullable AgentId owner,
            Followup.@Nullable State state,
            SignedInAgent viewer,
            @Nullable String cursor,
            int limit) {
        var whose = owner == null ? viewer.id() : owner;
        if (!whose.equals(viewer.id()) && !viewer.role().seesAllTeams()) {
            throw new AccessDeniedException("Only supervisors and admins may see another agent's follow-ups");
        }
        var rows = followups.ofOwner(whose, state, cursor == null ? null : Cursor.decode(cursor), limit + 1);
        var page = rows.stream().limit(limit).toList();
        String next = rows.size() > limit
                ? new Cursor(page.getLast().dueAt(), page.getLast().id().value()).encode()
                : null;
        return new Slice<>(page, next);
    }

    /**
     * A case's promises and check-ins, and the earlier cases it repeats: named where the viewer may
     * open them, otherwise only said to exist ({@link RepeatContact#byAnotherTeam()}).
     */
    @Transactional(readOnly = true)
    public CaseFollowups ofCase(CaseId caseId, SignedInAgent viewer) {
        lookup.find(caseId, viewer);
        var repeatContacts = repeats.ofCase(caseId).stream()
                .map(repeat -> repeat.earlierCaseId() != null && lookup.visibleTo(repeat.earlierCaseId(), viewer)
                        ? repeat
                        : repeat.withoutEarlierCase())
                .toList();
        return new CaseFollowups(followups.ofCase(caseId), repeatContacts);
    }

    /**
     * The open promises of these cases, soonest due first, without a viewer: for the customer's own
     * view of their cases, where the caller has checked that the cases are the customer's.
     */
    @Transactional(readOnly = true)
    public List<Followup> openPromises(Collection<CaseId> caseIds) {
        return followups.openPromises(caseIds);
    }

    /** Repeat contacts detected in {@code [since, until)}, counted per agent who solved the earlier case and per team. */
    @Transactional(readOnly = true)
    public RepeatContactCounts repeatContacts(Instant since, Instant until) {
        if (!since.isBefore(until)) {
            throw new InvalidInputException("since", "must be before until");
        }
        var byAgent = repeats.countByAgent(since, until);
        var byTeam = repeats.countByTeam(since, until);
        var names = agents.names(byAgent.keySet().stream().map(AgentId::new).toList());
        var teamNames = new LinkedHashMap<UUID, String>();
        agents.teams().forEach(team -> teamNames.put(team.id().value(), team.name()));
        return new RepeatContactCounts(
                since,
                until,
                repeats.total(since, until),
                byAgent.entrySet().stream()
                        .map(e -> new RepeatContactCounts.PerAgent(
                                new AgentId(e.getKey()), names.getOrDefault(new AgentId(e.getKey()), ""), e.getValue()))
                        .sorted(Comparator.comparingLong(RepeatContactCounts.PerAgent::count)
                                .reversed())
                        .toList(),
                byTeam.entrySet().stream()
                        .map(e -> new RepeatContactCounts.PerTeam(
                                new TeamId(e.getKey()), teamNames.getOrDefault(e.getKey(), ""), e.getValue()))
                        .sorted(Comparator.comparingLong(RepeatContactCounts.PerTeam::count)
                                .reversed())
                        .toList());
    }

    private Followup close(FollowupId id, Followup.State state, String outcome, SignedInAgent by) {
        var followup = followups.lock(id.value()).orElseThrow(() -> new NotFoundException("Follow-up", id));
        try {
            lookup.find(followup.caseId(), by);
        } catch (NotFoundException e) {
            throw new NotFoundException("Follow-up", id);
        }
        if (followup.state() != Followup.State.OPEN) {
            throw new ConflictException(
                    "followup-closed",
                    "The " + followup.kind().value() + " \"" + followup.text() + "\" was already "
                            + followup.state().value());
        }
        followups.close(id.value(), state, outcome, by.id(), clock.instant());
        cases.recordEvent(followup.caseId(), by.actor(), closed(followup, state, outcome));
        if (followup.kind() == Followup.Kind.PROMISE) {
            timers.cancelPromise(id);
        }
        return followups.find(id.value()).orElseThrow();
    }

    private static TimelineEvent closed(Followup followup, Followup.State state, String outcome) {
        var id = followup.id().value();
        var kept = state == Followup.State.KEPT;
        return switch (followup.kind()) {
            case PROMISE ->
                kept
                        ? new TimelineEvent.PromiseKept(id, followup.text(), outcome)
                        : new TimelineEvent.PromiseWithdrawn(id, followup.text(), outcome);
            case CHECKIN ->
                kept
                        ? new TimelineEvent.CheckinKept(id, followup.text(), outcome)
                        : new TimelineEvent.CheckinWithdrawn(id, followup.text(), outcome);
        };
    }
}
