package dev.casekeeper.actions;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.audit.AuditKind;
import dev.casekeeper.audit.AuditLog;
import dev.casekeeper.audit.AuditSubject;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Actions on cases: an agent proposes one; within their limit it runs at once, above it it waits for
 * a supervisor of the case's team or an admin, who approves or declines it with a reason, unless its
 * proposer (or a supervisor or admin) withdraws it first. Running calls the company's system through
 * the outbox, or waits for an agent to mark it done by hand.
 * Every step is on the case's timeline.
 */
@Service
@Transactional
public class ActionManagement {

    private static final Logger log = LoggerFactory.getLogger(ActionManagement.class);
    static final int MAX_NOTE = 2000;
    static final int MAX_VALUE = 500;
    static final int MAX_RESULT = 2000;

    private final ActionQueries actions;
    private final ActionTypeManagement types;
    private final ActionOutbox outbox;
    private final ActionNotices notices;
    private final CaseLookup lookup;
    private final CaseManagement cases;
    private final AgentManagement agents;
    private final Clock clock;
    private final AuditLog audit;

    ActionManagement(
            ActionQueries actions,
            ActionTypeManagement types,
            ActionOutbox outbox,
            ActionNotices notices,
            CaseLookup lookup,
            CaseManagement cases,
            AgentManagement agents,
            Clock clock,
            AuditLog audit) {
        this.audit = audit;
        this.actions = actions;
        this.types = types;
        this.outbox = outbox;
        this.notices = notices;
        this.lookup = lookup;
        this.cases = cases;
        this.agents = agents;
        this.clock = clock;
    }

    /**
     * The agent proposes an action on a case they can see. Within their role's limit it starts at
     * once; above it, it waits for an approval and the approvers are told.
     */
    public Action propose(CaseId caseId, ProposeAction proposal, SignedInAgent by) {
        var kase = lookup.find(caseId, by).summary();
        var type = checkedType(proposal);
        return propose(kase, type, proposal, by.role(), by.id(), by.name(), by.actor());
    }

    /**
     * An automation runs an action on a case as an agent of {@code role} would propose it: within the
     * role's limit it starts at once, above it it waits for an approval (the approvers are told, with
     * the automation as the proposer). Answers the action, or empty when it was refused (an action no
     * longer offered, a missing field, a closed case): the refusal is logged and changes nothing, and
     * never spoils the change that set the automation off.
     */
    public Optional<Action> runForAutomation(CaseId caseId, ProposeAction proposal, Role role, String automation) {
        var kase = lookup.summary(caseId);
        var refusal = refusal(proposal);
        if (refusal.isEmpty() && kase.status() == CaseStatus.CLOSED) {
            refusal = Optional.of("case " + kase.number() + " is closed");
        }
        if (refusal.isPresent()) {
            log.warn("Case {}: automation {} ran no action: {}", caseId, automation, refusal.get());
            return Optional.empty();
        }
        var type = types.list(true).stream()
                .filter(t -> t.id().equals(proposal.typeId()))
                .findFirst()
                .orElseThrow();
        return Optional.of(propose(kase, type, proposal, role, null, automation, Actor.SYSTEM));
    }

    /**
     * What is wrong with a proposal apart from its case (its type, amount, fields and note), or empty:
     * for an automation's action, checked when it is saved and again when it runs. Throws nothing.
     */
    @Transactional(readOnly = true)
    public Optional<String> refusal(ProposeAction proposal) {
        var type = proposal.typeId() == null
                ? null
                : types.list(true).stream()
                        .filter(t -> t.id().equals(proposal.typeId()))
                        .findFirst()
                        .orElse(null);
        if (type == null) {
            return Optional.of("names no action offered on this desk");
        }
        try {
            amount(type, proposal.amount());
            fields(type, proposal.fields());
            note(proposal.note());
            return Optional.empty();
        } catch (InvalidInputException e) {
            var error = e.fieldErrors().entrySet().iterator().next();
            return Optional.of(error.getKey() + " " + error.getValue());
        }
    }

    private ActionType checkedType(ProposeAction proposal) {
        if (proposal.typeId() == null) {
            throw new InvalidInputException("typeId", "choose the action to propose");
        }
        ActionType type;
        try {
            type = types.find(proposal.typeId());
        } catch (NotFoundException e) {
            throw new InvalidInputException("typeId", "is not an action of this desk");
        }
        if (!type.active()) {
            throw new InvalidInputException("typeId", "this action is no longer offered");
        }
        return type;
    }

    private Action propose(
            CaseSummary kase,
            ActionType type,
            ProposeAction proposal,
            Role role,
            @Nullable AgentId proposer,
            String proposerName,
            Actor actor) {
        var amount = amount(type, proposal.amount());
        var fields = fields(type, proposal.fields());
        var note = note(proposal.note());
        if (kase.status() == CaseStatus.CLOSED) {
            throw new ConflictException("case-closed", "Case " + kase.number() + " is closed");
        }
        var required = type.roleFor(amount);
        boolean alone = role.compareTo(required) >= 0;
        var action = new Action(
                UUID.randomUUID(),
                type.id(),
                type.name(),
                type.kind(),
                kase.id(),
                kase.number(),
                kase.subject(),
                kase.teamId(),
                amount,
                type.hasAmount() ? type.currency() : null,
                fields,
                note,
                alone ? ActionState.RUNNING : ActionState.AWAITING_APPROVAL,
                alone ? null : required,
                !type.connected(),
                proposer,
                proposerName,
                clock.instant(),
                null,
                null,
                null,
                null,
                null);
        actions.insert(action);
        if (alone) {
            start(action, type, actor, null);
            log.info("Case {}: action {} ({}) started by {}", kase.id(), action.id(), type.name(), actor);
        } else {
            cases.recordEvent(
                    kase.id(),
                    actor,
                    new TimelineEvent.ActionProposed(
                            action.id(), action.typeName(), action.amountText(), required.value(), note));
            notices.approvalRequested(action, required, proposerName);
            log.info(
                    "Case {}: action {} ({}) waits for a {}'s approval", kase.id(), action.id(), type.name(), required);
        }
        return find(action.id());
    }

    /**
     * A supervisor of the case's team or an admin (per the limits) approves the action: it starts, and
     * the other approvers' requests say it is decided.
     */
    public Action approve(UUID id, SignedInAgent by) {
        var action = awaitingDecision(id, by);
        actions.decided(id, ActionState.RUNNING, by.id(), clock.instant(), null);
        cases.recordEvent(
                action.caseId(),
                by.actor(),
                new TimelineEvent.ActionApproved(action.id(), action.typeName(), action.amountText()));
        start(action, types.find(action.typeId()), by.actor(), by.name());
        audit.record(
                AuditKind.ACTION_APPROVED,
                by.actor(),
                AuditSubject.of("action", action.id()),
                "Approved " + action.title() + " on case #" + action.caseNumber());
        notices.approvalDecided(action, true, by.name());
        notices.decided(action, true, by.name(), null);
        log.info("Case {}: action {} approved by agent {}", action.caseId(), id, by.id());
        return find(id);
    }

    /**
     * The approver declines the action, saying why; the proposer is told, and the other approvers'
     * requests say it is decided.
     */
    public Action decline(UUID id, @Nullable String reason, SignedInAgent by) {
        requireApprover(by);
        var why = strip(reason);
        if (why == null || why.length() > MAX_NOTE) {
            throw new InvalidInputException(
                    "reason", "say why, in 1 to " + MAX_NOTE + " characters: the agent tells the customer");
        }
        var action = awaitingDecision(id, by);
        actions.decided(id, ActionState.DECLINED, by.id(), clock.instant(), why);
        cases.recordEvent(
                action.caseId(),
                by.actor(),
                new TimelineEvent.ActionDeclined(action.id(), action.typeName(), action.amountText(), why));
        notices.approvalDecided(action, false, by.name());
        notices.decided(action, false, by.name(), why);
        audit.record(
                AuditKind.ACTION_DECLINED,
                by.actor(),
                AuditSubject.of("action", action.id()),
                "Declined " + action.title() + " on case #" + action.caseNumber());
        log.info("Case {}: action {} declined by agent {}", action.caseId(), id, by.id());
        return find(id);
    }

    /**
     * The action waiting for an approval is taken back, by the agent who proposed it or by a
     * supervisor or admin who sees the case: it leaves the approvals queue, no longer keeps the case
     * from being solved, and the case records who withdrew it. Withdrawn already: no change. Anyone
     * else: refused; an action already decided (running, done, failed, declined): {@code
     * action-decided}.
     */
    public Action withdraw(UUID id, SignedInAgent by) {
        var action = actions.lock(id).orElseThrow(() -> new NotFoundException("Action", id));
        if (!lookup.visibleTo(action.caseId(), by)) {
            throw new NotFoundException("Action", id);
        }
        if (!mayWithdraw(action.proposedBy(), by)) {
            throw new AccessDeniedException("Only the agent who proposed the action \"" + action.title()
                    + "\", a supervisor or an admin may withdraw it");
        }
        if (action.state() == ActionState.WITHDRAWN) {
            return find(id);
        }
        if (action.state() != ActionState.AWAITING_APPROVAL) {
            throw new ConflictException(
                    "action-decided", "The action \"" + action.title() + "\" is " + words(action.state()));
        }
        actions.decided(id, ActionState.WITHDRAWN, by.id(), clock.instant(), null);
        cases.recordEvent(
                action.caseId(),
                by.actor(),
                new TimelineEvent.ActionWithdrawn(action.id(), action.typeName(), action.amountText()));
        notices.approvalWithdrawn(action, by.name());
        if (!by.id().equals(action.proposedBy())) {
            notices.withdrawn(action, by.name());
        }
        log.info("Case {}: action {} withdrawn by agent {}", action.caseId(), id, by.id());
        return find(id);
    }

    /** Whether the viewer may withdraw this action now: it waits for an approval, and they proposed it or are a supervisor or admin. */
    public boolean mayWithdraw(Action action, SignedInAgent viewer) {
        return action.state() == ActionState.AWAITING_APPROVAL && mayWithdraw(action.proposedBy(), viewer);
    }

    private static boolean mayWithdraw(AgentId proposer, SignedInAgent viewer) {
        return viewer.id().equals(proposer) || viewer.role().seesAllTeams();
    }

    /** An agent who sees the case records that an action done by hand is done, and what came of it. */
    public Action markDone(UUID id, @Nullable String result, SignedInAgent by) {
        var what = strip(result);
        if (what != null && what.length() > MAX_RESULT) {
            throw new InvalidInputException("result", "must be at most " + MAX_RESULT + " characters");
        }
        var action = actions.lock(id).orElseThrow(() -> new NotFoundException("Action", id));
        if (!lookup.visibleTo(action.caseId(), by)) {
            throw new NotFoundException("Action", id);
        }
        if (action.state() != ActionState.RUNNING) {
            throw new ConflictException(
                    "action-not-running", "The action \"" + action.title() + "\" is " + words(action.state()));
        }
        if (!action.manual()) {
            throw new ConflictException(
                    "action-connected",
                    "The action \"" + action.title() + "\" is done when the company's system confirms it");
        }
        actions.finished(id, ActionState.DONE, by.id(), clock.instant(), what);
        cases.recordEvent(
                action.caseId(),
                by.actor(),
                new TimelineEvent.ActionDone(action.id(), action.typeName(), action.amountText(), what));
        return find(id);
    }

    /** One action, when the viewer may see its case. */
    @Transactional(readOnly = true)
    public Action find(UUID id, SignedInAgent viewer) {
        var action = find(id);
        if (!lookup.visibleTo(action.caseId(), viewer)) {
            throw new NotFoundException("Action", id);
        }
        return action;
    }

    /** A case's actions, oldest first. */
    @Transactional(readOnly = true)
    public List<Action> ofCase(CaseId caseId, SignedInAgent viewer) {
        lookup.find(caseId, viewer);
        return named(actions.ofCase(caseId));
    }

    /**
     * The approvals queue: actions waiting for the viewer's decision, longest waiting first (an
     * admin's: all; a supervisor's: those of their teams a supervisor decides). Agents approve nothing.
     */
    @Transactional(readOnly = true)
    public List<Action> awaitingApproval(SignedInAgent viewer, int limit) {
        requireApprover(viewer);
        return named(actions.awaiting(viewer.isAdmin() ? null : viewer.teamIds(), limit));
    }

    /** Whether the viewer may approve or decline this action. */
    public boolean mayDecide(Action action, SignedInAgent viewer) {
        if (action.state() != ActionState.AWAITING_APPROVAL || viewer.role() == Role.AGENT) {
            return false;
        }
        return viewer.isAdmin()
                || action.approverRole() == Role.SUPERVISOR
                        && (action.teamId() == null || viewer.teamIds().contains(action.teamId()));
    }

    /**
     * What the reply may tell the customer about the case's running and done actions: each type's next
     * steps with its amount and fields filled in.
     */
    @Transactional(readOnly = true)
    public List<ActionNextSteps> nextSteps(CaseId caseId, SignedInAgent viewer) {
        return ofCase(caseId, viewer).stream()
                .filter(a -> a.state() == ActionState.RUNNING || a.state() == ActionState.DONE)
                .map(a -> new ActionNextSteps(
                        a, ActionNextSteps.fill(types.find(a.typeId()).nextSteps(), a)))
                .toList();
    }

    /** The company's system took the call: the action is done, with its answer. */
    void callDelivered(UUID id, @Nullable String answer) {
        var action = actions.lock(id).orElse(null);
        if (action == null || action.state() != ActionState.RUNNING) {
            return;
        }
        var result = answer == null || answer.isBlank() ? null : abbreviate(answer.strip());
        actions.finished(id, ActionState.DONE, null, clock.instant(), result);
        cases.recordEvent(
                action.caseId(),
                Actor.SYSTEM,
                new TimelineEvent.ActionDone(action.id(), action.typeName(), action.amountText(), result));
        log.info("Case {}: action {} done by the company's system", action.caseId(), id);
    }

    /** The call was given up after its retries: the action failed, and its proposer is told. */
    void callGivenUp(UUID id, String outcome) {
        var action = actions.lock(id).orElse(null);
        if (action == null || action.state() != ActionState.RUNNING) {
            return;
        }
        actions.finished(id, ActionState.FAILED, null, clock.instant(), outcome);
        cases.recordEvent(
                action.caseId(),
                Actor.SYSTEM,
                new TimelineEvent.ActionFailed(action.id(), action.typeName(), action.amountText(), outcome));
        notices.failed(named(List.of(action)).getFirst(), outcome);
        log.warn("Case {}: action {} failed, the company's system never took it: {}", action.caseId(), id, outcome);
    }

    private void start(Action action, ActionType type, Actor by, @Nullable String approvedBy) {
        cases.recordEvent(
                action.caseId(),
                by,
                new TimelineEvent.ActionStarted(
                        action.id(), action.typeName(), action.amountText(), !type.connected()));
        if (type.connected()) {
            outbox.enqueue(named(List.of(action)).getFirst(), type, approvedBy);
        }
    }

    private Action awaitingDecision(UUID id, SignedInAgent by) {
        requireApprover(by);
        var action = actions.lock(id).orElseThrow(() -> new NotFoundException("Action", id));
        if (!lookup.visibleTo(action.caseId(), by)) {
            throw new NotFoundException("Action", id);
        }
        if (action.state() != ActionState.AWAITING_APPROVAL) {
            throw new ConflictException(
                    "action-decided", "The action \"" + action.title() + "\" is " + words(action.state()));
        }
        if (!mayDecide(action, by)) {
            throw new AccessDeniedException(
                    action.approverRole() == Role.ADMIN
                            ? "Only an admin may decide the action \"" + action.title()
                                    + "\": it is above the supervisors' limit"
                            : "Only a supervisor of case " + action.caseNumber()
                                    + "'s team or an admin may decide this action");
        }
        return action;
    }

    private Action find(UUID id) {
        return named(List.of(actions.find(id).orElseThrow(() -> new NotFoundException("Action", id))))
                .getFirst();
    }

    private List<Action> named(List<Action> list) {
        var names = agents.names(list.stream()
                .map(Action::proposedBy)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        // An automation's proposal keeps the automation's name, as its row does.
        return list.stream()
                .map(a -> a.proposedBy() == null ? a : a.withProposerName(names.getOrDefault(a.proposedBy(), "")))
                .toList();
    }

    private static @Nullable String note(@Nullable String value) {
        var note = strip(value);
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "must be at most " + MAX_NOTE + " characters");
        }
        return note;
    }

    private static void requireApprover(SignedInAgent by) {
        if (by.role() == Role.AGENT) {
            throw new AccessDeniedException("Only supervisors and admins approve actions");
        }
    }

    private static @Nullable BigDecimal amount(ActionType type, @Nullable BigDecimal amount) {
        if (!type.hasAmount()) {
            if (amount != null) {
                throw new InvalidInputException("amount", "this action has no amount");
            }
            return null;
        }
        if (amount == null) {
            throw new InvalidInputException("amount", "give the amount");
        }
        if (amount.signum() <= 0
                || amount.compareTo(ActionTypeManagement.MAX_AMOUNT) > 0
                || amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("amount", "must be more than 0 with at most two decimals");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static Map<String, String> fields(ActionType type, @Nullable Map<String, String> given) {
        var values = given == null ? Map.<String, String>of() : given;
        var known = type.fields().stream().map(ActionField::key).toList();
        for (var key : values.keySet()) {
            if (!known.contains(key)) {
                throw new InvalidInputException("fields", "this action has no field " + key);
            }
        }
        var kept = new LinkedHashMap<String, String>();
        for (var field : type.fields()) {
            var value = strip(values.get(field.key()));
            if (value == null) {
                if (field.required()) {
                    throw new InvalidInputException("fields." + field.key(), "fill in " + field.label());
                }
                continue;
            }
            if (value.length() > MAX_VALUE) {
                throw new InvalidInputException(
                        "fields." + field.key(), "must be at most " + MAX_VALUE + " characters");
            }
            kept.put(field.key(), value);
        }
        return kept;
    }

    private static String words(ActionState state) {
        return switch (state) {
            case AWAITING_APPROVAL -> "waiting for an approval";
            case RUNNING -> "running";
            case DONE -> "done already";
            case FAILED -> "failed";
            case DECLINED -> "declined";
            case WITHDRAWN -> "withdrawn";
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_RESULT ? text : text.substring(0, MAX_RESULT);
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
