package dev.casekeeper.callbacks;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Callback tasks: request one on a case (the one way for every module: routing, the phone channel,
 * the portal, the widget, an agent), take or give one, record what the call came to, and list an
 * agent's, a team's and a case's callbacks.
 */
@Service
@Transactional
public class CallbackManagement {

    private static final Logger log = LoggerFactory.getLogger(CallbackManagement.class);
    static final int MAX_NOTE = 2000;
    static final int MAX_PHONE = 40;
    static final int MAX_EMAIL = 320;

    private final CallbackQueries callbacks;
    private final CallbackTimers timers;
    private final CaseManagement cases;
    private final CaseLookup lookup;
    private final AgentManagement agents;
    private final CallbackWindows windows;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CallbackManagement(
            CallbackQueries callbacks,
            CallbackTimers timers,
            CaseManagement cases,
            CaseLookup lookup,
            AgentManagement agents,
            CallbackWindows windows,
            ApplicationEventPublisher events,
            Clock clock) {
        this.callbacks = callbacks;
        this.timers = timers;
        this.cases = cases;
        this.lookup = lookup;
        this.agents = agents;
        this.windows = windows;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Requests a callback for a customer, from another module (routing when a customer left a queue,
     * the phone channel, the portal): no viewer check, the caller has decided the case is the
     * customer's. Joins the caller's transaction, so a refusal rolls the caller back with it.
     * A request naming an {@link RequestCallback#onceKey} that was used already returns that callback.
     */
    public Callback request(RequestCallback request) {
        if (request.onceKey() != null) {
            var existing = callbacks.byOnceKey(request.onceKey());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        var kase = lookup.byId(request.caseId()).orElseThrow(() -> new NotFoundException("Case", request.caseId()));
        return create(kase, request, null, Actor.SYSTEM);
    }

    /** An agent promises the customer a callback on a case the agent can see; owned by them unless they name another owner. */
    public Callback request(RequestCallback request, SignedInAgent by) {
        var kase = lookup.find(request.caseId(), by).summary();
        var owned = request.ownerId() == null ? request.withOwner(by.id()) : request;
        if (!owned.ownerId().equals(by.id())) {
            requireSupervisor(by, "Only supervisors and admins may give a callback to another agent");
            agents.findActive(owned.ownerId())
                    .orElseThrow(() -> new InvalidInputException("ownerId", "is not an active agent"));
        }
        return create(kase, owned, by.id(), by.actor());
    }

    /** The agent takes a callback from the team's queue (a supervisor may take one from a colleague too). */
    public Callback take(CallbackId id, SignedInAgent by) {
        var callback = openVisible(id, by);
        if (by.id().equals(callback.ownerId())) {
            return callback;
        }
        if (callback.ownerId() != null && !by.role().seesAllTeams()) {
            throw new ConflictException(
                    "callback-taken",
                    "The callback on case " + callback.caseNumber() + " is "
                            + agents.names(List.of(callback.ownerId())).getOrDefault(callback.ownerId(), "a colleague")
                            + "'s; ask a supervisor to give it to you");
        }
        return giveTo(callback, by.id(), by.name(), by);
    }

    /** A supervisor or admin gives a callback to an agent (or back to nobody is not offered: someone owns a task once taken). */
    public Callback assign(CallbackId id, AgentId owner, SignedInAgent by) {
        requireSupervisor(by, "Only supervisors and admins may give a callback to an agent");
        var callback = openVisible(id, by);
        var agent = agents.findActive(owner)
                .orElseThrow(() -> new InvalidInputException("ownerId", "is not an active agent"));
        if (owner.equals(callback.ownerId())) {
            return callback;
        }
        return giveTo(callback, owner, agent.name(), by);
    }

    /**
     * Records what the call came to. Reached or left a message: done. No answer: another try in the
     * {@code retry} window when one is given, else done (the note says why no further try).
     */
    public Callback done(CallbackId id, RecordOutcome outcome, SignedInAgent by) {
        var note = outcome.note() == null || outcome.note().isBlank()
                ? null
                : outcome.note().strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "must be at most " + MAX_NOTE + " characters");
        }
        if (outcome.retry() != null && outcome.outcome() != Callback.Outcome.NO_ANSWER) {
            throw new InvalidInputException("retryFrom", "a new try is planned only when nobody answered");
        }
        if (outcome.outcome() == Callback.Outcome.NO_ANSWER && outcome.retry() == null && note == null) {
            throw new InvalidInputException(
                    "retryFrom",
                    "plan the next try, or say in the note why there is none (the team sees it on the case)");
        }
        var retry = outcome.retry() == null ? null : windows.check(outcome.retry(), clock.instant(), "retryFrom");
        var callback = openVisible(id, by);
        if (callback.ownerId() == null) {
            callbacks.owner(callback.id().value(), by.id());
            cases.recordEvent(
                    callback.caseId(),
                    by.actor(),
                    new TimelineEvent.CallbackTaken(callback.id().value(), by.id(), by.name()));
        }
        if (retry != null) {
            callbacks.retry(callback.id().value(), note, retry);
            cases.recordEvent(
                    callback.caseId(),
                    by.actor(),
                    new TimelineEvent.CallbackRetry(
                            callback.id().value(), callback.attempts() + 1, note, retry.from(), retry.until()));
            timers.schedule(callback.id(), callback.attempts() + 1, retry, clock.instant());
            log.info("Case {}: callback {} not answered; next try until {}", callback.caseId(), id, retry.until());
        } else {
            callbacks.done(callback.id().value(), outcome.outcome(), note, by.id(), clock.instant());
            cases.recordEvent(
                    callback.caseId(),
                    by.actor(),
                    new TimelineEvent.CallbackDone(
                            callback.id().value(), outcome.outcome().value(), note));
            timers.cancel(callback.id(), callback.attempts());
            events.publishEvent(new CallbackDone(callback.id(), callback.caseId(), outcome.outcome()));
            log.info(
                    "Case {}: callback {} done ({})",
                    callback.caseId(),
                    id,
                    outcome.outcome().value());
        }
        return callbacks.find(id.value()).orElseThrow();
    }

    /** One callback, when the viewer may see its case. */
    @Transactional(readOnly = true)
    public Callback find(CallbackId id, SignedInAgent viewer) {
        var callback = callbacks.find(id.value()).orElseThrow(() -> new NotFoundException("Callback", id));
        if (!lookup.visibleTo(callback.caseId(), viewer)) {
            throw new NotFoundException("Callback", id);
        }
        return callback;
    }

    /** The agent's own open callbacks, soonest due first ("My follow-ups"). */
    @Transactional(readOnly = true)
    public List<Callback> mine(SignedInAgent me, int limit) {
        return callbacks.openOfOwner(me.id(), limit);
    }

    /** Open callbacks nobody has taken yet: of the viewer's teams, or of every team for supervisors and admins. */
    @Transactional(readOnly = true)
    public List<Callback> queue(SignedInAgent viewer, int limit) {
        return callbacks.openUnowned(viewer.role().seesAllTeams() ? null : viewer.teamIds(), limit);
    }

    /** Every open callback, taken or not, soonest due first: for the supervisors' live queues page. */
    @Transactional(readOnly = true)
    public List<Callback> allOpen(SignedInAgent viewer, int limit) {
        requireSupervisor(viewer, "Only supervisors and admins see every team's callbacks");
        return callbacks.allOpen(limit);
    }

    /** A case's callbacks, open and done, oldest first. */
    @Transactional(readOnly = true)
    public List<Callback> ofCase(CaseId caseId, SignedInAgent viewer) {
        lookup.find(caseId, viewer);
        return callbacks.ofCase(caseId);
    }

    /** The open callbacks of a case, without a viewer: for the customer's own view, where the caller checked the case is theirs. */
    @Transactional(readOnly = true)
    public List<Callback> openOfCase(CaseId caseId) {
        return callbacks.openOfCase(caseId);
    }

    /** These callbacks as pages list them: with their owners' names and whether each is late now. */
    @Transactional(readOnly = true)
    public List<CallbackLine> lines(List<Callback> list) {
        var names = agents.names(
                list.stream().map(Callback::ownerId).filter(Objects::nonNull).toList());
        var now = clock.instant();
        return list.stream()
                .map(c -> new CallbackLine(c, c.ownerId() == null ? null : names.get(c.ownerId()), c.overdue(now)))
                .toList();
    }

    private Callback create(CaseSummary kase, RequestCallback request, @Nullable AgentId by, Actor actor) {
        var phone = blankToNull(request.phone());
        var email = blankToNull(request.email());
        if (phone == null && email == null) {
            throw new InvalidInputException("phone", "give a phone number or an email address to call back");
        }
        // A number to call has digits; the rest ("ext. 12", spaces, dots) is how the customer writes it.
        if (phone != null
                && (phone.length() > MAX_PHONE
                        || phone.chars().filter(Character::isDigit).count() < 3)) {
            throw new InvalidInputException("phone", "is not a phone number");
        }
        if (email != null && (email.length() > MAX_EMAIL || !email.matches("[^@\\s]+@[^@\\s]+"))) {
            throw new InvalidInputException("email", "is not an email address");
        }
        if (request.note() != null && request.note().length() > MAX_NOTE) {
            throw new InvalidInputException("note", "must be at most " + MAX_NOTE + " characters");
        }
        if (kase.status() == CaseStatus.CLOSED) {
            throw new ConflictException(
                    "case-closed", "Case " + kase.number() + " is closed and cannot take a callback");
        }
        var now = clock.instant();
        var window = windows.orDefault(request.window(), now);
        var team = request.teamId() != null ? request.teamId() : kase.teamId();
        var id = new CallbackId(UUID.randomUUID());
        var cleaned = new RequestCallback(
                request.caseId(),
                team,
                request.ownerId(),
                phone,
                email,
                window,
                request.source(),
                blankToNull(request.note()),
                request.onceKey());
        if (!callbacks.insert(id.value(), kase.id(), kase.number(), kase.subject(), team, cleaned, window, by, now)) {
            // Another node asked for the same occasion at the same moment: theirs stands.
            return callbacks.byOnceKey(request.onceKey()).orElseThrow();
        }
        cases.recordEvent(
                kase.id(),
                actor,
                new TimelineEvent.CallbackRequested(
                        id.value(),
                        window.from(),
                        window.until(),
                        request.ownerId(),
                        request.source().value()));
        timers.schedule(id, 0, window, now);
        log.info(
                "Case {}: callback {} requested ({}), due {}",
                kase.id(),
                id,
                request.source().value(),
                window.until());
        return callbacks.find(id.value()).orElseThrow();
    }

    private Callback giveTo(Callback callback, AgentId owner, String ownerName, SignedInAgent by) {
        callbacks.owner(callback.id().value(), owner);
        cases.recordEvent(
                callback.caseId(),
                by.actor(),
                new TimelineEvent.CallbackTaken(callback.id().value(), owner, ownerName));
        log.info("Case {}: callback {} now owned by agent {}", callback.caseId(), callback.id(), owner);
        return callbacks.find(callback.id().value()).orElseThrow();
    }

    private Callback openVisible(CallbackId id, SignedInAgent viewer) {
        var callback = callbacks.lock(id.value()).orElseThrow(() -> new NotFoundException("Callback", id));
        if (!lookup.visibleTo(callback.caseId(), viewer)) {
            throw new NotFoundException("Callback", id);
        }
        if (!callback.open()) {
            throw new ConflictException(
                    "callback-done", "The callback on case " + callback.caseNumber() + " was already done");
        }
        return callback;
    }

    private static void requireSupervisor(SignedInAgent agent, String why) {
        if (!agent.role().seesAllTeams()) {
            throw new AccessDeniedException(why);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
