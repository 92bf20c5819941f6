package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerLanguages;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
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
 * The one way in for what customers write, whatever the channel: email, chat, the API, the channels
 * to come. One rule for all of them: a message for a case is added to it, and a solved, pending or
 * on-hold case opens again; a message for a closed case opens a follow-up case linked to it; a
 * message for no case opens one. Automatic mail is recorded as it is and changes nothing.
 */
@Service
@Transactional
public class CaseIntake {

    private static final Logger log = LoggerFactory.getLogger(CaseIntake.class);

    private final CaseQueries cases;
    private final CaseRelationQueries relations;
    private final CaseWriter writer;
    private final CustomerManagement customers;
    private final AgentManagement agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<CaseCloseGuard> closeGuards;

    CaseIntake(
            CaseQueries cases,
            CaseRelationQueries relations,
            CaseWriter writer,
            CustomerManagement customers,
            AgentManagement agents,
            ApplicationEventPublisher events,
            Clock clock,
            List<CaseCloseGuard> closeGuards) {
        this.cases = cases;
        this.relations = relations;
        this.writer = writer;
        this.customers = customers;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
        this.closeGuards = List.copyOf(closeGuards);
    }

    /** Takes a customer's message in: where it landed, and whether it opened the case. */
    public Received receive(InboundMessage message, Sender sender) {
        return receive(message, sender, null);
    }

    /**
     * As {@link #receive(InboundMessage, Sender)}, for a channel where a solved case can be reopened
     * only for a while (the portal): a message for a case solved longer than {@code reopenPeriod} ago
     * closes it and opens a follow-up case linked to it, as a message for a closed case does. A case
     * that may not be closed yet (an open promise) opens again instead, so the message is never lost.
     */
    public Received receive(InboundMessage message, Sender sender, @Nullable Duration reopenPeriod) {
        if (message.caseId() == null) {
            return open(message, customer(sender, null), null);
        }
        var requested = message.caseId();
        var kase = cases.lock(requested.value()).orElseThrow(() -> new NotFoundException("Case", requested));
        if (kase.isClosed()) {
            // A message for a duplicate merged into another case goes on there (a merged case is closed).
            var current = relations.current(kase.id);
            if (!current.equals(kase.id)) {
                message = message.withCase(new CaseId(current));
                kase = cases.lock(current).orElseThrow();
            }
        }
        var from = customer(sender, kase);
        if (reopenPeriod != null && !message.automatic() && pastReopening(kase, reopenPeriod)) {
            Instant now = clock.instant();
            kase.moveTo(CaseStatus.CLOSED, now);
            writer.save(kase, Actor.customer(from.value()), now);
            events.publishEvent(new StatusChanged(message.caseId(), CaseStatus.SOLVED, CaseStatus.CLOSED));
        }
        if (kase.isClosed() && !message.automatic()) {
            var followUp = message.withPriority(kase.priority)
                    .withTags(kase.tags)
                    .withTeam(kase.teamId == null ? null : new TeamId(kase.teamId));
            return open(
                    new InboundMessage(
                            null,
                            kase.subject,
                            followUp.body(),
                            followUp.html(),
                            followUp.channel(),
                            false,
                            followUp.facts(),
                            followUp.teamId(),
                            followUp.tags(),
                            followUp.priority(),
                            followUp.recordedBy()),
                    from,
                    message.caseId());
        }
        var statusBefore = kase.status;
        Instant now = clock.instant();
        var entry = writer.message(
                kase.id,
                EntryKind.MESSAGE_IN,
                Actor.customer(from.value()),
                message.body(),
                message.html(),
                message.facts(),
                now);
        if (!message.automatic()) {
            kase.customerWrote(now);
            writer.save(kase, message.recordedBy(), now);
            events.publishEvent(new MessageReceived(message.caseId(), entry, statusBefore));
        }
        return new Received(kase.summary(), entry, false);
    }

    /**
     * The customer says their case is solved (in the portal). A case being worked or waiting becomes
     * solved, recorded as done by the customer; a solved case stays as it is. An open promise does not
     * stand in the way: the customer is the authority on whether their problem is solved, and the
     * promise stays open for its owner to keep or withdraw.
     *
     * @throws NotFoundException when the case is not the customer's
     * @throws dev.casekeeper.shared.ConflictException when the case is closed
     */
    public CaseSummary solvedByCustomer(CaseId id, CustomerId customer) {
        var kase = customersCase(id, customer);
        var before = kase.status;
        Instant now = clock.instant();
        kase.solvedByCustomer(now);
        if (before != kase.status) {
            writer.save(kase, Actor.customer(customer.value()), now);
            events.publishEvent(new StatusChanged(id, before, kase.status));
            log.info("Case {} marked solved by its customer", id);
        }
        return kase.summary();
    }

    /**
     * The customer reopens their solved case (in the portal), within {@code period} of its solving:
     * it is open again and the customer waits for an answer from now.
     *
     * @throws NotFoundException when the case is not the customer's
     * @throws dev.casekeeper.shared.ConflictException {@code not-solved} when the case is not solved,
     *     {@code reopen-period-over} when it was solved longer ago than {@code period}
     */
    public CaseSummary reopenedByCustomer(CaseId id, CustomerId customer, Duration period) {
        var kase = customersCase(id, customer);
        if (pastReopening(kase, period)) {
            throw new dev.casekeeper.shared.ConflictException(
                    "reopen-period-over",
                    "Case " + kase.number + " was solved more than " + period.toDays()
                            + " days ago; a new message opens a follow-up case");
        }
        Instant now = clock.instant();
        kase.reopenedByCustomer(now);
        writer.save(kase, Actor.customer(customer.value()), now);
        events.publishEvent(new StatusChanged(id, CaseStatus.SOLVED, CaseStatus.OPEN));
        log.info("Case {} reopened by its customer", id);
        return kase.summary();
    }

    private Case customersCase(CaseId id, CustomerId customer) {
        return cases.lock(id.value())
                .filter(kase -> kase.requesterId.equals(customer.value()))
                .orElseThrow(() -> new NotFoundException("Case", id));
    }

    /** Solved longer ago than the period, and nothing keeps it from being closed. */
    private boolean pastReopening(Case kase, Duration period) {
        if (kase.status != CaseStatus.SOLVED
                || kase.solvedAt == null
                || !kase.solvedAt.plus(period).isBefore(clock.instant())) {
            return false;
        }
        var id = new CaseId(kase.id);
        return closeGuards.stream()
                .allMatch(guard -> guard.refusal(id, CaseStatus.CLOSED).isEmpty());
    }

    private Received open(InboundMessage message, CustomerId requester, @Nullable CaseId followUpOf) {
        if (message.subject().isBlank()) {
            throw new InvalidInputException("subject", "a new case needs a subject");
        }
        if (message.teamId() != null) {
            try {
                agents.findTeam(message.teamId());
            } catch (NotFoundException e) {
                throw new InvalidInputException("teamId", "no team has the id " + message.teamId());
            }
        }
        var tags = Tags.normalize(message.tags());
        var id = UUID.randomUUID();
        Instant now = clock.instant();
        String subject = message.subject().strip();
        UUID team = message.teamId() == null ? null : message.teamId().value();
        long number = cases.insertCase(
                id,
                subject,
                requester.value(),
                message.channel(),
                message.priority(),
                tags,
                team,
                followUpOf == null ? null : followUpOf.value(),
                language(requester),
                now);
        var entry = writer.message(
                id,
                EntryKind.MESSAGE_IN,
                Actor.customer(requester.value()),
                message.body(),
                message.html(),
                message.facts(),
                now);
        cases.recordHistory(id, message.recordedBy(), "created", null, "new", now);
        log.info(
                "Case {} (#{}) opened through {}", id, number, message.channel().value());
        var caseId = new CaseId(id);
        events.publishEvent(
                new CaseOpened(caseId, number, requester, message.channel(), !message.automatic(), message.teamId()));
        if (!message.automatic()) {
            events.publishEvent(new MessageReceived(caseId, entry, null));
        }
        events.publishEvent(new CaseUpdated(caseId, number, message.teamId(), null, message.teamId(), null));
        var opened = new Case(
                id,
                number,
                subject,
                requester.value(),
                message.channel(),
                CaseStatus.NEW,
                message.priority(),
                tags,
                team,
                null,
                followUpOf == null ? null : followUpOf.value(),
                now,
                now,
                null,
                null,
                null,
                now);
        return new Received(opened.summary(), entry, true);
    }

    /**
     * Opens a case an agent starts by writing to the customer: no message from her yet, so nothing
     * for routing to hand out or for a first-response clock to time. Shown in lists at once.
     */
    Case openForOutbound(OpenOutbound command, Actor by) {
        if (command.subject().isBlank()) {
            throw new InvalidInputException("subject", "a new case needs a subject");
        }
        if (command.teamId() != null) {
            try {
                agents.findTeam(command.teamId());
            } catch (NotFoundException e) {
                throw new InvalidInputException("teamId", "no team has the id " + command.teamId());
            }
        }
        var requester = customer(Sender.email(command.requesterEmail(), command.requesterName()), null);
        var id = UUID.randomUUID();
        Instant now = clock.instant();
        UUID team = command.teamId() == null ? null : command.teamId().value();
        long number = cases.insertCase(
                id,
                command.subject().strip(),
                requester.value(),
                command.channel(),
                Priority.NORMAL,
                List.of(),
                team,
                null,
                language(requester),
                now);
        cases.recordHistory(id, by, "created", null, "new", now);
        log.info(
                "Case {} (#{}) opened by an agent writing first through {}",
                id,
                number,
                command.channel().value());
        var caseId = new CaseId(id);
        events.publishEvent(new CaseUpdated(caseId, number, command.teamId(), null, command.teamId(), null));
        return cases.lock(id).orElseThrow();
    }

    /** The requester's declared language as a tag ({@code de}), which the case's search follows; null if unknown. */
    private @Nullable String language(CustomerId requester) {
        return customers
                .declaredField(requester, "language")
                .flatMap(field -> CustomerLanguages.parse(field.value()))
                .map(java.util.Locale::getLanguage)
                .orElse(null);
    }

    /** The customer a message is from; an email address is checked by the customers' rules. */
    private CustomerId customer(Sender sender, @Nullable Case kase) {
        return switch (sender) {
            case Sender.Known known -> known.customerId();
            case Sender.Email email -> {
                try {
                    yield customers.identifyByEmail(email.address(), email.name());
                } catch (InvalidInputException e) {
                    throw new InvalidInputException("requester.email", e.getMessage());
                }
            }
            case Sender.Requester requester -> {
                if (kase == null) {
                    throw new InvalidInputException("caseId", "a message from the case's requester needs its case");
                }
                yield new CustomerId(kase.requesterId);
            }
        };
    }
}
