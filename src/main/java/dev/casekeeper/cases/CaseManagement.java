package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What agents and the modules around them do to a case: open one for a customer, reply, note,
 * change, assign, transfer, escalate, and record what another module did. Every change happens
 * under the case's row lock, is checked by the {@link Case} rules, recorded on the timeline and in
 * the history, and published as an event after commit. Customers' own messages come in through
 * {@link CaseIntake}; reading is {@link CaseLookup}.
 */
@Service
@Transactional
public class CaseManagement {

    private static final Logger log = LoggerFactory.getLogger(CaseManagement.class);

    private final CaseQueries cases;
    private final TimelineQueries entries;
    private final CaseWriter writer;
    private final CaseIntake intake;
    private final CaseLookup lookup;
    private final IdempotencyKeys idempotency;
    private final Ownership ownership;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<CaseCloseGuard> closeGuards;
    private final AgentAttachments attachments;

    CaseManagement(
            CaseQueries cases,
            TimelineQueries timeline,
            CaseWriter writer,
            CaseIntake intake,
            CaseLookup lookup,
            IdempotencyKeys idempotency,
            Ownership ownership,
            ApplicationEventPublisher events,
            Clock clock,
            List<CaseCloseGuard> closeGuards,
            AgentAttachments attachments) {
        this.cases = cases;
        this.entries = timeline;
        this.writer = writer;
        this.intake = intake;
        this.lookup = lookup;
        this.idempotency = idempotency;
        this.ownership = ownership;
        this.events = events;
        this.clock = clock;
        this.closeGuards = List.copyOf(closeGuards);
        this.attachments = attachments;
    }

    /**
     * Opens a case for a customer with their first message, as an agent writes it down. With an
     * idempotency key, a repeat of the same request by the same agent returns the case the first one
     * opened and creates nothing.
     */
    public CaseSummary open(OpenCase command, SignedInAgent by, @Nullable String idempotencyKey) {
        return idempotency.once(
                by.id(),
                idempotencyKey,
                command,
                () -> intake.receive(
                                new InboundMessage(
                                        null,
                                        command.subject(),
                                        command.body(),
                                        command.html(),
                                        command.channel(),
                                        false,
                                        null,
                                        command.teamId(),
                                        command.tags(),
                                        command.priority(),
                                        by.actor()),
                                Sender.email(command.requesterEmail(), command.requesterName()))
                        .summary(),
                opened -> opened.id().value(),
                earlier -> lookup.summary(new CaseId(earlier)));
    }

    /**
     * Opens a case by writing to the customer first: the case, owned by the agent, with the agent's
     * message (and files) as its first entry, which the channel sends. A refused file or field
     * creates nothing.
     *
     * @throws FileRefused when a file is refused
     */
    public CaseSummary openOutbound(OpenOutbound command, List<FileCheck.Upload> uploads, SignedInAgent by) {
        var files = attachments.check(uploads);
        if (command.teamId() != null
                && !by.role().seesAllTeams()
                && !by.teamIds().contains(command.teamId())) {
            throw new InvalidInputException("teamId", "is not one of your teams");
        }
        var kase = intake.openForOutbound(command, by.actor());
        var id = new CaseId(kase.id);
        ownership.assign(id, by.id(), by);
        kase = lockVisible(id, by);
        Instant now = clock.instant();
        kase.replied(now);
        var entry = writer.message(
                kase.id, EntryKind.MESSAGE_OUT, by.actor(), command.body(), null, filesFacts(files), now);
        attach(kase.id, entry, files, now);
        writer.save(kase, by.actor(), now);
        events.publishEvent(new ReplyPosted(id, entry, by.id(), kase.channel, null));
        return kase.summary();
    }

    /** The channel reports how far a reply got; shown on its timeline entry. */
    public void recordDelivery(CaseId id, UUID entryId, DeliveryState state, @Nullable String detail) {
        if (!entries.recordDelivery(id.value(), entryId, state, detail, clock.instant())) {
            throw new NotFoundException("Reply", entryId);
        }
    }

    /**
     * Records something another module did to the case (an SLA warning, a promise) on its timeline,
     * so whoever reads the case sees it. Changes nothing else and publishes nothing.
     */
    public void recordEvent(CaseId id, Actor by, TimelineEvent event) {
        cases.find(id.value()).orElseThrow(() -> new NotFoundException("Case", id));
        writer.event(id.value(), by, event, clock.instant());
    }

    /**
     * Escalates a case: records an {@link TimelineEvent.Escalated} with the reason and raises the
     * priority one step (urgent stays urgent). A closed case is not escalated; it is returned as it is.
     */
    public CaseSummary escalate(CaseId id, String reason, Actor by) {
        var kase = cases.lock(id.value()).orElseThrow(() -> new NotFoundException("Case", id));
        if (kase.isClosed()) {
            return kase.summary();
        }
        return escalate(kase, reason, kase.priority.raised(), by);
    }

    /**
     * Escalates a case to at least the given priority (a request for a supervisor puts a case at high
     * priority at least): a case below it is raised to it, as {@link #escalate(CaseId, String, Actor)}
     * records; a case already there, or closed, is returned as it is, so asking twice changes nothing.
     */
    public CaseSummary escalateTo(CaseId id, Priority atLeast, String reason, Actor by) {
        var kase = cases.lock(id.value()).orElseThrow(() -> new NotFoundException("Case", id));
        if (kase.isClosed() || kase.priority.compareTo(atLeast) >= 0) {
            return kase.summary();
        }
        return escalate(kase, reason, atLeast, by);
    }

    private CaseSummary escalate(Case kase, String reason, Priority to, Actor by) {
        var id = new CaseId(kase.id);
        Instant now = clock.instant();
        var before = kase.priority;
        kase.prioritize(to);
        writer.event(kase.id, by, new TimelineEvent.Escalated(reason, before, kase.priority), now);
        writer.save(kase, by, now);
        if (before != kase.priority) {
            events.publishEvent(new PriorityChanged(id, before, kase.priority));
        }
        log.info("Case {} escalated ({} -> {}): {}", id, before.value(), kase.priority.value(), reason);
        return kase.summary();
    }

    /** A public reply to the customer. */
    public TimelineEntry reply(CaseId id, String body, @Nullable String html, SignedInAgent by) {
        return reply(id, body, html, by, null);
    }

    /**
     * A public reply to the customer that goes by email to the given address, whatever the case's
     * channel: the agent's choice when the channel cannot reach the customer any more (a chat they
     * left). Without an address, as {@link #reply(CaseId, String, String, SignedInAgent)}.
     */
    public TimelineEntry reply(
            CaseId id, String body, @Nullable String html, SignedInAgent by, @Nullable String emailTo) {
        return reply(id, body, html, by, emailTo, List.of());
    }

    /**
     * A public reply with files the agent attached: checked before anything is written, stored with
     * the reply, sent by the channel with it.
     *
     * @throws FileRefused when a file is refused; nothing is written then
     */
    public TimelineEntry reply(
            CaseId id,
            String body,
            @Nullable String html,
            SignedInAgent by,
            @Nullable String emailTo,
            List<FileCheck.Upload> uploads) {
        var files = attachments.check(uploads);
        var kase = lockVisible(id, by);
        Instant now = clock.instant();
        kase.replied(now);
        var entry = writer.message(kase.id, EntryKind.MESSAGE_OUT, by.actor(), body, html, filesFacts(files), now);
        attach(kase.id, entry, files, now);
        writer.save(kase, by.actor(), now);
        events.publishEvent(new ReplyPosted(id, entry, by.id(), kase.channel, emailTo));
        return writer.entry(kase.id, entry);
    }

    /**
     * A public reply by email to the people the agent addressed, from the mailbox they chose (both
     * checked by the email channel, which sends it): recorded with the reply, with its files.
     *
     * @throws FileRefused when a file is refused; nothing is written then
     */
    public TimelineEntry reply(
            CaseId id, String body, SignedInAgent by, Addressed addressed, List<FileCheck.Upload> uploads) {
        var files = attachments.check(uploads);
        var kase = lockVisible(id, by);
        Instant now = clock.instant();
        kase.replied(now);
        var entry = writer.message(
                kase.id,
                EntryKind.MESSAGE_OUT,
                by.actor(),
                body,
                null,
                addressed.withFiles(AgentAttachments.facts(files).files()),
                now);
        attach(kase.id, entry, files, now);
        writer.save(kase, by.actor(), now);
        // On a case from another channel the reply goes by email instead, as to an address a chat customer gave.
        String instead = kase.channel == Channel.EMAIL ? null : addressed.to().getFirst();
        events.publishEvent(new ReplyPosted(id, entry, by.id(), kase.channel, instead));
        return writer.entry(kase.id, entry);
    }

    /**
     * Forwards a message of the case, or the whole case, to a third party: recorded as an internal
     * entry (a note with the {@link Addressed} forward), never as a reply, so the customer is not
     * told and no reply clock stops; the email channel sends it after commit ({@link MessageForwarded}).
     *
     * @throws FileRefused when a file is refused; nothing is written then
     */
    public TimelineEntry forward(
            CaseId id, String body, SignedInAgent by, Addressed addressed, List<FileCheck.Upload> uploads) {
        if (!addressed.forwarding()) {
            throw new IllegalArgumentException("Not a forward: " + addressed);
        }
        var files = attachments.check(uploads);
        var kase = lockVisible(id, by);
        kase.requireOpenFor("a forward");
        var forwarded = addressed.forward().entryId();
        if (forwarded != null
                && entries.entry(kase.id, forwarded).stream()
                        .noneMatch(e -> e.kind() == EntryKind.MESSAGE_IN || e.kind() == EntryKind.MESSAGE_OUT)) {
            throw new InvalidInputException("entryId", "is not a message of this case");
        }
        Instant now = clock.instant();
        var entry = writer.message(
                kase.id,
                EntryKind.NOTE,
                by.actor(),
                body,
                null,
                addressed.withFiles(AgentAttachments.facts(files).files()),
                now);
        attach(kase.id, entry, files, now);
        writer.save(kase, by.actor(), now);
        events.publishEvent(new MessageForwarded(id, entry, by.id()));
        return writer.entry(kase.id, entry);
    }

    /** An internal note for colleagues; never shown to the customer. */
    public TimelineEntry note(CaseId id, String body, SignedInAgent by) {
        return note(id, body, by, List.of());
    }

    /**
     * An internal note with files for colleagues, checked before anything is written.
     *
     * @throws FileRefused when a file is refused; nothing is written then
     */
    public TimelineEntry note(CaseId id, String body, SignedInAgent by, List<FileCheck.Upload> uploads) {
        var files = attachments.check(uploads);
        var kase = lockVisible(id, by);
        kase.requireOpenFor("a note");
        Instant now = clock.instant();
        var entry = writer.message(kase.id, EntryKind.NOTE, by.actor(), body, null, filesFacts(files), now);
        attach(kase.id, entry, files, now);
        writer.save(kase, by.actor(), now);
        return writer.entry(kase.id, entry);
    }

    private static @Nullable AttachedFiles filesFacts(List<FileCheck.Checked> files) {
        return files.isEmpty() ? null : AgentAttachments.facts(files);
    }

    private void attach(UUID caseId, UUID entryId, List<FileCheck.Checked> files, Instant now) {
        if (!files.isEmpty()) {
            attachments.store(caseId, entryId, files, now);
        }
    }

    /** Changes status, priority or tags. A refused status transition changes nothing. */
    public CaseSummary change(CaseId id, ChangeCase change, SignedInAgent by) {
        var kase = lockVisible(id, by);
        var tags = change.tags() == null ? null : Tags.normalize(change.tags());
        if (kase.isClosed() && (change.status() != CaseStatus.CLOSED || change.priority() != null || tags != null)) {
            kase.requireOpenFor("changes");
        }
        Instant now = clock.instant();
        var before = kase.status;
        var priorityBefore = kase.priority;
        var tagsBefore = kase.tags;
        if (change.status() != null) {
            if (change.status() != kase.status
                    && (change.status() == CaseStatus.SOLVED || change.status() == CaseStatus.CLOSED)
                    && kase.status.canBecome(change.status())) {
                refuseIfGuarded(id, change.status());
            }
            kase.moveTo(change.status(), now);
        }
        if (change.priority() != null) {
            kase.prioritize(change.priority());
        }
        if (tags != null) {
            kase.retag(tags);
        }
        if (kase.changes().isEmpty()) {
            return kase.summary(); // sending what the case already has is not a change: nothing to record or stamp
        }
        writer.save(kase, by.actor(), now);
        if (before != kase.status) {
            events.publishEvent(new StatusChanged(id, before, kase.status));
        }
        if (priorityBefore != kase.priority) {
            events.publishEvent(new PriorityChanged(id, priorityBefore, kase.priority));
        }
        if (!tagsBefore.equals(kase.tags)) {
            events.publishEvent(new TagsChanged(id, tagsBefore, kase.tags));
        }
        return kase.summary();
    }

    private void refuseIfGuarded(CaseId id, CaseStatus target) {
        for (var guard : closeGuards) {
            var refusal = guard.refusal(id, target);
            if (refusal.isPresent()) {
                throw new ConflictException(refusal.get().code(), refusal.get().detail());
            }
        }
    }

    /** Gives an unowned case its owner. Agents may assign cases they can see; the owner must be active. */
    public CaseSummary assign(CaseId id, AgentId ownerId, SignedInAgent by) {
        return ownership.assign(id, ownerId, by);
    }

    /**
     * Gives an unowned case its owner as the system, for a module that decides who owns it (a
     * complaint goes to a supervisor); the owner must be active.
     */
    public CaseSummary assign(CaseId id, AgentId ownerId, Actor by) {
        return ownership.assign(id, ownerId, by);
    }

    /**
     * Moves a case to another agent or a team's queue, with the reason and a summary of what the
     * customer already said. Only the owner, or a supervisor or admin, may move an owned case.
     * Answers the case as it now stands with its handover, even when the case has moved out of the
     * sender's sight (to another team): they made the move and are told how it landed.
     */
    public CaseDetail transfer(CaseId id, TransferCase transfer, SignedInAgent by) {
        return ownership.transfer(id, transfer, by);
    }

    private Case lockVisible(CaseId id, SignedInAgent viewer) {
        return CaseVisibility.visible(cases.lock(id.value()).orElse(null), viewer, id);
    }

    private static @Nullable TeamId teamOf(Case kase) {
        return kase.teamId == null ? null : new TeamId(kase.teamId);
    }
}
