package dev.casekeeper.cases;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.Team;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.Identity;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.Cursor;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.shared.Slice;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verbs of a case: open, read, reply, note, change, assign, transfer, receive. Every change
 * happens under the case's row lock, is checked by the {@link Case} rules, recorded on the
 * timeline and in the history, and published as an event after commit.
 */
@Service
@Transactional
public class CaseManagement {

    private static final Logger log = LoggerFactory.getLogger(CaseManagement.class);
    /** A search by name or email looks at this many of the best-matching customers. */
    private static final int MATCHING_CUSTOMERS = 200;

    private final CaseQueries cases;
    private final CaseSearchQueries searches;
    private final TimelineJson json;
    private final TimelineAuthors authors;
    private final CustomerManagement customers;
    private final AgentManagement agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<CaseCloseGuard> closeGuards;

    CaseManagement(
            CaseQueries cases,
            CaseSearchQueries searches,
            TimelineJson json,
            TimelineAuthors authors,
            CustomerManagement customers,
            AgentManagement agents,
            ApplicationEventPublisher events,
            Clock clock,
            List<CaseCloseGuard> closeGuards) {
        this.cases = cases;
        this.searches = searches;
        this.json = json;
        this.authors = authors;
        this.customers = customers;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
        this.closeGuards = List.copyOf(closeGuards);
    }

    /**
     * Opens a case with the customer's first message. With an idempotency key, a repeat of the same
     * request by the same agent returns the case the first one opened and creates nothing.
     */
    public CaseSummary open(OpenCase command, SignedInAgent by, @Nullable String idempotencyKey) {
        if (idempotencyKey != null) {
            String hash = hash(command.toString());
            if (!cases.claimIdempotencyKey(by.id().value(), idempotencyKey, hash, clock.instant())) {
                var earlier = cases.idempotentResult(by.id().value(), idempotencyKey);
                if (!earlier.requestHash().equals(hash) || earlier.caseId() == null) {
                    throw new IdempotencyKeyReusedException(idempotencyKey);
                }
                return cases.find(earlier.caseId()).orElseThrow().summary();
            }
            var opened = open(command, by.actor(), null);
            cases.completeIdempotencyKey(
                    by.id().value(), idempotencyKey, opened.id().value());
            return opened;
        }
        return open(command, by.actor(), null);
    }

    /** Opens a case on behalf of a channel or integration; {@code followUpOf} links it to a closed case. */
    public CaseSummary open(OpenCase command, Actor by, @Nullable CaseId followUpOf) {
        return create(command, null, false, by, followUpOf, null).summary();
    }

    /**
     * Opens a case with a message a channel received; the sender becomes (or is found as) the
     * requester, and the channel's facts are kept on the first timeline entry. Automatic mail opens
     * its case without a {@link MessageReceived}: nobody is waiting for an answer.
     */
    public Received open(InboundMessage message, Actor by) {
        return create(
                openCase(
                        message,
                        message.subject(),
                        message.channel(),
                        Priority.NORMAL,
                        message.tags(),
                        message.teamId()),
                message.data(),
                message.automatic(),
                by,
                null,
                null);
    }

    /**
     * Opens a case with a message from a customer the channel already identified (a chat visitor):
     * like {@link #open(InboundMessage, Actor)}, but the message's sender email is not looked at.
     */
    public Received open(InboundMessage message, CustomerId requester, Actor by) {
        return create(
                openCase(
                        message,
                        message.subject(),
                        message.channel(),
                        Priority.NORMAL,
                        message.tags(),
                        message.teamId()),
                message.data(),
                message.automatic(),
                by,
                null,
                requester);
    }

    /** Like {@link #receive(CaseId, InboundMessage, Actor)}, from a customer the channel already identified. */
    public Received receive(CaseId id, InboundMessage message, CustomerId sender, Actor recordedBy) {
        return receive(id, message, sender, recordedBy, true);
    }

    /**
     * Adds a message a channel received to an existing case, as written by its sender. A solved,
     * pending or on-hold case opens again and a closed case gets a follow-up case, unless the message
     * is automatic mail: that is recorded on the case as it is and changes nothing.
     */
    public Received receive(CaseId id, InboundMessage message, Actor recordedBy) {
        return receive(id, message, null, recordedBy, false);
    }

    private Received receive(
            CaseId id, InboundMessage message, @Nullable CustomerId known, Actor recordedBy, boolean identified) {
        var kase = cases.lock(id.value()).orElseThrow(() -> new NotFoundException("Case", id));
        if (kase.isClosed() && !message.automatic()) {
            var followUp = openCase(
                    message,
                    kase.subject,
                    kase.channel,
                    kase.priority,
                    kase.tags,
                    kase.teamId == null ? null : new TeamId(kase.teamId));
            return create(followUp, message.data(), false, recordedBy, id, known);
        }
        var sender = identified && known != null
                ? known
                : requester(openCase(message, kase.subject, kase.channel, kase.priority, kase.tags, null));
        var statusBefore = kase.status;
        Instant now = clock.instant();
        var entry = cases.insertEntry(
                kase.id,
                EntryKind.MESSAGE_IN,
                Actor.customer(sender.value()),
                message.body(),
                MessageBodies.sanitize(message.html()),
                null,
                json.write(message.data()),
                now);
        if (!message.automatic()) {
            kase.customerWrote(now);
            save(kase, recordedBy, now);
            events.publishEvent(new MessageReceived(id, entry, statusBefore));
        }
        return new Received(kase.summary(), entry, false);
    }

    /** A case by its number, for channels that thread by it (a subject tag); no visibility check. */
    @Transactional(readOnly = true)
    public Optional<CaseSummary> byNumber(long number) {
        return cases.findIdByNumber(number).flatMap(id -> cases.find(id)).map(Case::summary);
    }

    /** A case without its timeline, by id; no visibility check. */
    @Transactional(readOnly = true)
    public Optional<CaseSummary> byId(CaseId id) {
        return cases.find(id.value()).map(Case::summary);
    }

    /** The channel reports how far a reply got; shown on its timeline entry. */
    public void recordDelivery(CaseId id, UUID entryId, DeliveryState state, @Nullable String detail) {
        if (!cases.recordDelivery(id.value(), entryId, state, detail, clock.instant())) {
            throw new NotFoundException("Reply", entryId);
        }
    }

    private Received create(
            OpenCase command,
            @Nullable Map<String, Object> data,
            boolean automatic,
            Actor by,
            @Nullable CaseId followUpOf,
            @Nullable CustomerId knownRequester) {
        if (command.teamId() != null) {
            team(command.teamId(), "teamId");
        }
        var tags = Tags.normalize(command.tags());
        var requester = knownRequester != null ? knownRequester : requester(command);
        var id = UUID.randomUUID();
        Instant now = clock.instant();
        long number = cases.insertCase(
                id,
                command.subject().strip(),
                requester.value(),
                command.channel(),
                command.priority(),
                tags,
                command.teamId() == null ? null : command.teamId().value(),
                followUpOf == null ? null : followUpOf.value(),
                now);
        var customer = Actor.customer(requester.value());
        var entry = cases.insertEntry(
                id,
                EntryKind.MESSAGE_IN,
                customer,
                command.body(),
                MessageBodies.sanitize(command.html()),
                null,
                data == null ? null : json.write(data),
                now);
        cases.recordHistory(id, by, "created", null, "new", now);
        log.info(
                "Case {} (#{}) opened through {}", id, number, command.channel().value());
        events.publishEvent(
                new CaseOpened(new CaseId(id), number, requester, command.channel(), !automatic, command.teamId()));
        if (!automatic) {
            events.publishEvent(new MessageReceived(new CaseId(id), entry, null));
        }
        var team = command.teamId();
        events.publishEvent(new CaseUpdated(new CaseId(id), number, team, null, team, null));
        var summary = new Case(
                        id,
                        number,
                        command.subject().strip(),
                        requester.value(),
                        command.channel(),
                        CaseStatus.NEW,
                        command.priority(),
                        tags,
                        command.teamId() == null ? null : command.teamId().value(),
                        null,
                        followUpOf == null ? null : followUpOf.value(),
                        now,
                        now,
                        null,
                        null,
                        null,
                        now)
                .summary();
        return new Received(summary, entry, true);
    }

    private static OpenCase openCase(
            InboundMessage message,
            String subject,
            Channel channel,
            Priority priority,
            List<String> tags,
            @Nullable TeamId teamId) {
        return new OpenCase(
                subject,
                message.senderEmail(),
                message.senderName(),
                message.body(),
                message.html(),
                channel,
                priority,
                tags,
                teamId);
    }

    @Transactional(readOnly = true)
    public CaseDetail find(CaseId id, SignedInAgent viewer) {
        return detail(visible(cases.find(id.value()).orElse(null), viewer, id));
    }

    /**
     * Whether the viewer may open the case. For what names another case beside the one on screen (an
     * earlier contact, the case a follow-up continues): a case the viewer may not open is not named,
     * since its id, number or times would tell them what its 404 does not.
     */
    @Transactional(readOnly = true)
    public boolean visibleTo(CaseId id, SignedInAgent viewer) {
        return cases.find(id.value()).map(kase -> canSee(kase, viewer)).orElse(false);
    }

    /** A case by the number people say on the phone; unknown or not visible to the viewer is not found. */
    @Transactional(readOnly = true)
    public CaseDetail findByNumber(long number, SignedInAgent viewer) {
        var id = cases.findIdByNumber(number).orElseThrow(() -> new NotFoundException("Case", "#" + number));
        try {
            return find(new CaseId(id), viewer);
        } catch (NotFoundException e) {
            throw new NotFoundException("Case", "#" + number);
        }
    }

    /** One page of a workspace view, filtered, searched and sorted; only cases the viewer may see. */
    @Transactional(readOnly = true)
    public CasePage search(CaseSearch search, SignedInAgent viewer) {
        Set<UUID> customers = search.q() == null || search.q().isBlank()
                ? Set.of()
                : this.customers.matching(search.q().strip(), MATCHING_CUSTOMERS).stream()
                        .map(CustomerId::value)
                        .collect(Collectors.toSet());
        var found = searches.search(search, visibility(viewer), customers, clock.instant());
        return new CasePage(
                found.cases().stream().map(Case::summary).toList(), found.total(), search.page(), search.size());
    }

    /** How many cases each view holds for the viewer right now. */
    @Transactional(readOnly = true)
    public Map<CaseView, Long> viewCounts(SignedInAgent viewer) {
        return searches.counts(visibility(viewer), clock.instant());
    }

    /**
     * A case with its timeline, without a viewer: for other modules reacting to the case's events
     * as the system (scoring a message, checking a reply). Callers acting for an agent use
     * {@link #find(CaseId, SignedInAgent)}, which applies what the agent may see.
     */
    @Transactional(readOnly = true)
    public CaseDetail detail(CaseId id) {
        var kase = cases.find(id.value()).orElseThrow(() -> new NotFoundException("Case", id));
        var timeline =
                cases.timeline(id.value(), null).stream().map(json::entry).toList();
        return new CaseDetail(kase.summary(), Handovers.latest(timeline), timeline);
    }

    /**
     * A case without its timeline, without a viewer: for other modules reacting to the case's events
     * as the system when the case's facts are all they need.
     */
    @Transactional(readOnly = true)
    public CaseSummary summary(CaseId id) {
        return cases.find(id.value())
                .orElseThrow(() -> new NotFoundException("Case", id))
                .summary();
    }

    /**
     * {@link #detail(CaseId)} as listeners need it, at a fraction of the cost: every entry with its
     * kind, author, time and text, and events with their data; without the HTML of messages, the
     * facts a channel kept with them ({@link TimelineEntry#data()} is empty for messages and notes),
     * deliveries and authors' names. For working out clocks, scores and repeat contacts after every
     * message, where reading the whole timeline each time showed in the benchmarks.
     */
    @Transactional(readOnly = true)
    public CaseDetail outline(CaseId id) {
        var kase = cases.find(id.value()).orElseThrow(() -> new NotFoundException("Case", id));
        var timeline = cases.outline(id.value()).stream().map(json::entry).toList();
        return new CaseDetail(kase.summary(), Handovers.latest(timeline), timeline);
    }

    /**
     * Records something another module did to the case (an SLA warning, a promise) as an event on
     * its timeline, so whoever reads the case sees it. Changes nothing else and publishes nothing.
     */
    public TimelineEntry recordEvent(CaseId id, Actor by, String eventType, Map<String, ?> data) {
        cases.find(id.value()).orElseThrow(() -> new NotFoundException("Case", id));
        var entry = cases.insertEntry(
                id.value(), EntryKind.EVENT, by, null, null, eventType, json.write(data), clock.instant());
        return authors.named(cases.timeline(id.value(), Set.of(eventType)).stream()
                        .filter(row -> row.id().equals(entry))
                        .map(json::entry)
                        .toList())
                .getFirst();
    }

    /**
     * The customer's latest cases, newest first, without an access check: for modules that react to
     * case events (a repeat contact looks at the customer's earlier cases).
     */
    @Transactional(readOnly = true)
    public List<CaseSummary> ofRequester(CustomerId requester, int limit) {
        var filter = new CaseFilter(null, null, null, null, requester, null);
        return cases.list(filter, new CaseQueries.Visibility(true, null, Set.of()), null, limit).stream()
                .map(Case::summary)
                .toList();
    }

    /**
     * Escalates a case: records an {@code escalated} event with the reason on the timeline and
     * raises the priority one step (urgent stays urgent), recorded in the history. A closed case is
     * not escalated; it is returned as it is.
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
     * priority at least): a case below it is raised to it, with an {@code escalated} event on the
     * timeline as {@link #escalate(CaseId, String, Actor)} records; a case already there, or closed,
     * is returned as it is and nothing is recorded, so asking twice changes nothing.
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
        var data = new LinkedHashMap<String, Object>();
        data.put("reason", reason);
        data.put("fromPriority", before.value());
        data.put("toPriority", kase.priority.value());
        cases.insertEntry(kase.id, EntryKind.EVENT, by, null, null, "escalated", json.write(data), now);
        save(kase, by, now);
        if (before != kase.priority) {
            events.publishEvent(new PriorityChanged(id, before, kase.priority));
        }
        log.info("Case {} escalated ({} -> {}): {}", id, before.value(), kase.priority.value(), reason);
        return kase.summary();
    }

    /** Cases the viewer may see, newest first, one page at a time. */
    @Transactional(readOnly = true)
    public Slice<CaseSummary> list(CaseFilter filter, SignedInAgent viewer, @Nullable String cursor, int limit) {
        var rows = cases.list(filter, visibility(viewer), cursor == null ? null : Cursor.decode(cursor), limit + 1);
        var page = rows.stream().limit(limit).map(Case::summary).toList();
        String next = rows.size() > limit
                ? new Cursor(page.getLast().createdAt(), page.getLast().id().value()).encode()
                : null;
        return new Slice<>(page, next);
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
        var kase = lockVisible(id, by);
        Instant now = clock.instant();
        kase.replied(now);
        var entry = cases.insertEntry(
                kase.id, EntryKind.MESSAGE_OUT, by.actor(), body, MessageBodies.sanitize(html), null, null, now);
        save(kase, by.actor(), now);
        events.publishEvent(new ReplyPosted(id, entry, by.id(), kase.channel, emailTo));
        return entryOf(kase.id, entry, by);
    }

    /** An internal note for colleagues; never shown to the customer. */
    public TimelineEntry note(CaseId id, String body, SignedInAgent by) {
        var kase = lockVisible(id, by);
        kase.requireOpenFor("a note");
        Instant now = clock.instant();
        var entry = cases.insertEntry(kase.id, EntryKind.NOTE, by.actor(), body, null, null, null, now);
        save(kase, by.actor(), now);
        return entryOf(kase.id, entry, by);
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
        save(kase, by.actor(), now);
        if (before != kase.status) {
            events.publishEvent(new StatusChanged(id, before, kase.status));
        }
        if (priorityBefore != kase.priority) {
            events.publishEvent(new PriorityChanged(id, priorityBefore, kase.priority));
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
        var kase = lockVisible(id, by);
        var owner = agent(ownerId, "ownerId");
        if (!owner.active()) {
            throw new ConflictException(
                    "agent-inactive", "Agent " + owner.name() + " is deactivated and cannot own cases");
        }
        var previous = kase.ownerId;
        kase.assign(ownerId);
        if (kase.changes().isEmpty()) {
            return kase.summary();
        }
        Instant now = clock.instant();
        var data = new LinkedHashMap<String, Object>();
        data.put("toAgentId", ownerId.toString());
        data.put("toAgentName", owner.name());
        cases.insertEntry(kase.id, EntryKind.EVENT, by.actor(), null, null, "assigned", json.write(data), now);
        save(kase, by.actor(), now);
        log.info("Case {} assigned to agent {} (was {})", id, ownerId, previous);
        events.publishEvent(new OwnerChanged(id, ownerId, teamOf(kase), false));
        return kase.summary();
    }

    /**
     * Moves a case to another agent or a team's queue, with the reason and a summary of what the
     * customer already said. Only the owner, or a supervisor or admin, may move an owned case.
     * Answers the case as it now stands with its handover, even when the case has moved out of the
     * sender's sight (to another team): they made the move and are told how it landed.
     */
    public CaseDetail transfer(CaseId id, TransferCase transfer, SignedInAgent by) {
        if ((transfer.toAgentId() == null) == (transfer.toTeamId() == null)) {
            throw new InvalidInputException("toAgentId", "name exactly one of toAgentId and toTeamId");
        }
        if (transfer.reason().isBlank()) {
            throw new InvalidInputException("reason", "say why the case moves");
        }
        if (transfer.summary().isBlank()) {
            throw new InvalidInputException(
                    "summary", "summarise what the customer already said, so they need not repeat it");
        }
        var kase = lockVisible(id, by);
        if (kase.ownerId != null
                && !kase.ownerId.equals(by.id().value())
                && !by.role().seesAllTeams()) {
            throw new AccessDeniedException(
                    "Only the owner of case " + kase.number + ", or a supervisor, may transfer it");
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("fromOwnerId", kase.ownerId == null ? null : kase.ownerId.toString());
        if (transfer.toAgentId() != null) {
            var target = agent(transfer.toAgentId(), "toAgentId");
            if (!target.active()) {
                throw new ConflictException(
                        "agent-inactive", "Agent " + target.name() + " is deactivated and cannot own cases");
            }
            var keepTeam = kase.teamId != null && target.teamIds().contains(new TeamId(kase.teamId));
            kase.transferToAgent(
                    target.id(),
                    keepTeam || target.teamIds().isEmpty()
                            ? null
                            : target.teamIds().getFirst());
            data.put("toAgentId", target.id().toString());
            data.put("toAgentName", target.name());
        } else {
            var team = team(transfer.toTeamId(), "toTeamId");
            kase.transferToTeam(team.id());
            data.put("toTeamId", team.id().toString());
            data.put("toTeamName", team.name());
        }
        data.put("reason", transfer.reason().strip());
        data.put("summary", transfer.summary().strip());
        Instant now = clock.instant();
        cases.insertEntry(kase.id, EntryKind.EVENT, by.actor(), null, null, "transferred", json.write(data), now);
        save(kase, by.actor(), now);
        log.info(
                "Case {} transferred to {} by {}",
                id,
                transfer.toAgentId() != null ? transfer.toAgentId() : transfer.toTeamId(),
                by.id());
        events.publishEvent(
                new OwnerChanged(id, kase.ownerId == null ? null : new AgentId(kase.ownerId), teamOf(kase), true));
        return detail(kase);
    }

    /**
     * A message from the case's customer. A solved, pending or on-hold case opens again; a closed
     * case stays closed and the message opens a follow-up case linked to it.
     */
    public CaseSummary receive(CaseId id, String body, @Nullable String html, Actor recordedBy) {
        var kase = cases.lock(id.value()).orElseThrow(() -> new NotFoundException("Case", id));
        if (kase.isClosed()) {
            var requester = customers.find(new CustomerId(kase.requesterId));
            String email = requester.identities().stream()
                    .filter(i -> i.kind() == IdentityKind.EMAIL)
                    .map(Identity::value)
                    .findFirst()
                    .orElseThrow(() -> new ConflictException("case-closed", "Case " + kase.number + " is closed"));
            var followUp = new OpenCase(
                    kase.subject,
                    email,
                    null,
                    body,
                    html,
                    kase.channel,
                    kase.priority,
                    kase.tags,
                    kase.teamId == null ? null : new TeamId(kase.teamId));
            return open(followUp, recordedBy, id);
        }
        Instant now = clock.instant();
        var statusBefore = kase.status;
        kase.customerWrote(now);
        var entry = cases.insertEntry(
                kase.id,
                EntryKind.MESSAGE_IN,
                Actor.customer(kase.requesterId),
                body,
                MessageBodies.sanitize(html),
                null,
                null,
                now);
        save(kase, recordedBy, now);
        events.publishEvent(new MessageReceived(id, entry, statusBefore));
        return kase.summary();
    }

    /** Who owned the case when: every assignment and transfer, oldest first. */
    @Transactional(readOnly = true)
    public List<OwnerChange> owners(CaseId id, SignedInAgent viewer) {
        visible(cases.find(id.value()).orElse(null), viewer, id);
        return cases.timeline(id.value(), Set.of("assigned", "transferred")).stream()
                .map(json::entry)
                .map(Handovers::ownerChange)
                .toList();
    }

    /** Every recorded change of the case, oldest first. */
    @Transactional(readOnly = true)
    public List<CaseChange> history(CaseId id, SignedInAgent viewer) {
        visible(cases.find(id.value()).orElse(null), viewer, id);
        return cases.history(id.value());
    }

    private CaseDetail detail(Case kase) {
        var timeline = authors.named(
                cases.timeline(kase.id, null).stream().map(json::entry).toList());
        return new CaseDetail(kase.summary(), Handovers.latest(timeline), timeline);
    }

    /** The customer writing: the one who has the email, or a new one. The email is checked by the customers' rules. */
    private CustomerId requester(OpenCase command) {
        try {
            return customers.identifyByEmail(command.requesterEmail(), command.requesterName());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("requester.email", e.getMessage());
        }
    }

    /** A team named in a request: an unknown one is bad input naming the field, not a missing page. */
    private Team team(TeamId id, String field) {
        try {
            return agents.findTeam(id);
        } catch (NotFoundException e) {
            throw new InvalidInputException(field, "no team has the id " + id);
        }
    }

    /** An agent named in a request: an unknown one is bad input naming the field, not a missing page. */
    private Agent agent(AgentId id, String field) {
        try {
            return agents.find(id);
        } catch (NotFoundException e) {
            throw new InvalidInputException(field, "no agent has the id " + id);
        }
    }

    private void save(Case kase, Actor actor, Instant now) {
        kase.updatedAt = now;
        UUID previousTeam = kase.teamId;
        UUID previousOwner = kase.ownerId;
        for (var change : kase.changes()) {
            cases.recordHistory(kase.id, actor, change.field(), change.before(), change.after(), now);
            if (change.field().equals("owner")) {
                previousOwner = change.before() == null ? null : UUID.fromString(change.before());
            } else if (change.field().equals("team")) {
                previousTeam = change.before() == null ? null : UUID.fromString(change.before());
            } else {
                var data = new LinkedHashMap<String, Object>();
                data.put("field", change.field());
                data.put("from", change.before());
                data.put("to", change.after());
                cases.insertEntry(
                        kase.id,
                        EntryKind.EVENT,
                        actor,
                        null,
                        null,
                        change.field() + "_changed",
                        json.write(data),
                        now);
            }
        }
        cases.update(kase);
        events.publishEvent(new CaseUpdated(
                new CaseId(kase.id),
                kase.number,
                teamOf(kase),
                kase.ownerId == null ? null : new AgentId(kase.ownerId),
                previousTeam == null ? null : new TeamId(previousTeam),
                previousOwner == null ? null : new AgentId(previousOwner)));
    }

    private Case lockVisible(CaseId id, SignedInAgent viewer) {
        return visible(cases.lock(id.value()).orElse(null), viewer, id);
    }

    /** Cases the viewer may not see are reported as not found, so their existence does not leak. */
    private static Case visible(@Nullable Case kase, SignedInAgent viewer, CaseId id) {
        if (kase == null || !canSee(kase, viewer)) {
            throw new NotFoundException("Case", id);
        }
        return kase;
    }

    private static boolean canSee(Case kase, SignedInAgent viewer) {
        return viewer.role().seesAllTeams()
                || kase.teamId == null
                || viewer.id().value().equals(kase.ownerId)
                || viewer.teamIds().contains(new TeamId(kase.teamId));
    }

    private static CaseQueries.Visibility visibility(SignedInAgent viewer) {
        return new CaseQueries.Visibility(
                viewer.role().seesAllTeams(),
                viewer.id().value(),
                viewer.teamIds().stream().map(TeamId::value).collect(Collectors.toSet()));
    }

    private TimelineEntry entryOf(UUID caseId, UUID entryId, SignedInAgent author) {
        return cases.timeline(caseId, null).stream()
                .filter(row -> row.id().equals(entryId))
                .map(json::entry)
                .findFirst()
                .orElseThrow()
                .withAuthorName(author.name());
    }

    private static @Nullable TeamId teamOf(Case kase) {
        return kase.teamId == null ? null : new TeamId(kase.teamId);
    }

    private static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
