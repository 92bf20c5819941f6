package dev.casekeeper.counter;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.cases.TransferCase;
import dev.casekeeper.routing.ContactId;
import dev.casekeeper.routing.LiveContactManagement;
import dev.casekeeper.routing.PullManagement;
import dev.casekeeper.routing.TransferContact;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.shared.StorableText;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counter desk: an agent sits at a location's desk, calls the next ticket (routing picks it by
 * their teams and skills, then longest wait; a ticket transferred to their desk first), serves the
 * walk-in, hands the ticket to another team or desk with a reason and summary, marks a no-show once
 * the grace period after the call is over, and ends the visit. Each step is on the case's timeline.
 */
@Service
@Transactional
public class DeskManagement {

    private static final Logger log = LoggerFactory.getLogger(DeskManagement.class);
    private static final int MAX_DESK = 40;

    private final LocationManagement locations;
    private final LocationQueries seats;
    private final TicketQueries tickets;
    private final CounterManagement counter;
    private final PullManagement pull;
    private final LiveContactManagement live;
    private final CaseManagement cases;
    private final BoardSignals signals;
    private final CallMail mail;
    private final CounterSettings settings;
    private final Clock clock;

    DeskManagement(
            LocationManagement locations,
            LocationQueries seats,
            TicketQueries tickets,
            CounterManagement counter,
            PullManagement pull,
            LiveContactManagement live,
            CaseManagement cases,
            BoardSignals signals,
            CallMail mail,
            CounterSettings settings,
            Clock clock) {
        this.locations = locations;
        this.seats = seats;
        this.tickets = tickets;
        this.counter = counter;
        this.pull = pull;
        this.live = live;
        this.cases = cases;
        this.signals = signals;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
    }

    /** Where the agent sits now, if anywhere. */
    @Transactional(readOnly = true)
    public Optional<Seat> seatOf(SignedInAgent me) {
        return seats.seatOf(me.id().value());
    }

    /** The desks open at the location now, by name. */
    @Transactional(readOnly = true)
    public List<Seat> seatsAt(LocationId location) {
        return seats.seatsAt(location.value());
    }

    /** The ticket the agent called or serves now, if any. */
    @Transactional(readOnly = true)
    public Optional<Ticket> current(SignedInAgent me) {
        return tickets.currentOf(me.id().value()).map(t -> counter.ticket(t.id()));
    }

    /** The agent is available at the location's desk; a desk another agent sits at is a conflict. */
    public Seat sit(LocationId locationId, @Nullable String desk, SignedInAgent me) {
        locations.location(locationId);
        var name = desk == null ? "" : desk.strip();
        if (name.isEmpty() || name.length() > MAX_DESK || !StorableText.isStorable(name)) {
            throw new InvalidInputException("desk", "name the desk in 1 to " + MAX_DESK + " characters");
        }
        var before = seats.seatOf(me.id().value());
        if (tickets.currentOf(me.id().value()).isPresent()
                && before.isPresent()
                && !(before.get().locationId().equals(locationId)
                        && before.get().desk().equals(name))) {
            throw new ConflictException("ticket-open", "End or transfer your ticket before you move");
        }
        if (!seats.sit(me.id().value(), locationId.value(), name, clock.instant())) {
            throw new ConflictException("desk-taken", "Another agent serves at " + name);
        }
        pull.atCounterDesk(me.id(), true);
        before.ifPresent(seat -> signals.changed(seat.locationId()));
        signals.changed(locationId);
        log.info("Agent {} serves at desk {} of location {}", me.id(), name, locationId);
        return seats.seatOf(me.id().value()).orElseThrow();
    }

    /** The agent leaves their desk; with a ticket still theirs, that is a conflict. */
    public void leave(SignedInAgent me) {
        if (tickets.currentOf(me.id().value()).isPresent()) {
            throw new ConflictException("ticket-open", "End or transfer your ticket before you leave the desk");
        }
        seats.seatOf(me.id().value()).ifPresent(seat -> {
            seats.leave(me.id().value());
            pull.atCounterDesk(me.id(), false);
            signals.changed(seat.locationId());
        });
    }

    /**
     * Calls the next ticket to the agent's desk: one transferred to this desk first, else the one
     * routing picks among the location's waiting tickets. Empty when nobody waits for what the agent serves.
     */
    public Optional<Ticket> callNext(SignedInAgent me) {
        var seat = seats.seatOf(me.id().value())
                .orElseThrow(() -> new ConflictException("not-seated", "Sit at a desk first"));
        if (tickets.currentOf(me.id().value()).isPresent()) {
            throw new ConflictException("ticket-open", "End or transfer your ticket before you call the next");
        }
        var location = seat.locationId().value();
        var taken = pull.takeNext(me.id(), ids(tickets.contactsForDesk(location, seat.desk())))
                .or(() -> pull.takeNext(me.id(), ids(tickets.callableContacts(location))));
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        var ticket = tickets.lockByContact(taken.get().id().value()).orElseThrow();
        var now = clock.instant();
        tickets.called(ticket.id().value(), me.id().value(), seat.desk(), now);
        cases.recordEvent(ticket.caseId(), me.actor(), new TimelineEvent.CounterCalled(ticket.number(), seat.desk()));
        log.info(
                "Case {}: ticket {} called to desk {} by agent {}",
                ticket.caseId(),
                ticket.number(),
                seat.desk(),
                me.id());
        signals.changed(seat.locationId());
        var called = counter.ticket(ticket.id());
        mail.afterCommit(called, locations.location(seat.locationId()).name());
        return Optional.of(called);
    }

    /** The walk-in came to the desk: the agent serves them. */
    public Ticket serve(TicketId id, SignedInAgent me) {
        var ticket = mine(id, me, Set.of(TicketState.CALLED));
        tickets.serving(id.value(), clock.instant());
        cases.recordEvent(
                ticket.caseId(),
                me.actor(),
                new TimelineEvent.CounterServed(ticket.number(), String.valueOf(ticket.desk())));
        signals.changed(ticket.locationId());
        return counter.ticket(id);
    }

    /**
     * Nobody came within the grace period after the call: the ticket is over as a no-show, and its
     * contact counts among the abandoned ones (with a callback task when they left an email or phone).
     */
    public Ticket noShow(TicketId id, SignedInAgent me) {
        var ticket = mine(id, me, Set.of(TicketState.CALLED));
        var now = clock.instant();
        var allowedAt = ticket.calledAt().plus(settings.noShowGrace());
        if (now.isBefore(allowedAt)) {
            throw new ConflictException(
                    "grace-period",
                    "Give the walk-in time to come: a no-show may be marked "
                            + Duration.between(now, allowedAt).toSeconds() + " s from now");
        }
        pull.noShow(contactOf(ticket), me.id());
        tickets.over(id.value(), TicketState.NO_SHOW, now);
        cases.recordEvent(
                ticket.caseId(),
                me.actor(),
                new TimelineEvent.CounterNoShow(ticket.number(), String.valueOf(ticket.desk())));
        signals.changed(ticket.locationId());
        return counter.ticket(id);
    }

    /** The visit is over; the case stays as it is (the agent solves it on the case page when it is). */
    public Ticket end(TicketId id, SignedInAgent me) {
        var ticket = mine(id, me, Set.of(TicketState.CALLED, TicketState.SERVING));
        live.end(contactOf(ticket), me);
        tickets.over(id.value(), TicketState.ENDED, clock.instant());
        signals.changed(ticket.locationId());
        return counter.ticket(id);
    }

    /**
     * Hands the ticket on with why and what the walk-in said (on the case as a transfer): to another
     * team, whose desks call it in its place by arrival, or to another desk of the location, which
     * calls it next.
     */
    public Ticket transfer(TicketId id, TransferTicket transfer, SignedInAgent me) {
        storable(transfer.reason(), "reason");
        storable(transfer.summary(), "summary");
        var ticket = mine(id, me, Set.of(TicketState.CALLED, TicketState.SERVING));
        var toDesk = transfer.toDesk() == null || transfer.toDesk().isBlank()
                ? null
                : transfer.toDesk().strip();
        if ((transfer.toTeamId() == null) == (toDesk == null)) {
            throw new InvalidInputException("toTeamId", "name either a team or a desk to transfer to");
        }
        var contact = contactOf(ticket);
        if (transfer.toTeamId() != null) {
            live.transfer(
                    contact,
                    new TransferContact(transfer.toTeamId(), text(transfer.reason()), text(transfer.summary())),
                    me);
            tickets.waitAgain(id.value(), null, contact.value());
        } else {
            var target = seats.seatsAt(ticket.locationId().value()).stream()
                    .filter(s -> s.desk().equals(toDesk))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInputException("toDesk", "names no desk open at this location"));
            if (target.agentId().equals(me.id())) {
                throw new InvalidInputException("toDesk", "is your own desk");
            }
            // The handover first: a transfer without a reason or summary changes nothing.
            var handover = new TransferCase(target.agentId(), null, text(transfer.reason()), text(transfer.summary()));
            cases.transfer(ticket.caseId(), handover, me);
            // Routing ends the contact at this desk and queues the next for the other, counting the transfer.
            var next = pull.transferToDesk(
                    contact,
                    me.id(),
                    target.agentId(),
                    handover.reason().strip(),
                    handover.summary().strip());
            tickets.waitAgain(id.value(), toDesk, next.id().value());
        }
        log.info("Case {}: ticket {} transferred by agent {}", ticket.caseId(), ticket.number(), me.id());
        signals.changed(ticket.locationId());
        return counter.ticket(id);
    }

    private Ticket mine(TicketId id, SignedInAgent me, Set<TicketState> states) {
        var ticket = tickets.lock(id.value()).orElseThrow(() -> new NotFoundException("Ticket", id));
        if (!me.id().equals(ticket.agentId())) {
            throw new NotFoundException("Ticket", id);
        }
        if (!states.contains(ticket.state())) {
            throw new ConflictException(
                    "ticket-" + ticket.state().value(),
                    "The ticket is " + ticket.state().value());
        }
        return ticket;
    }

    private ContactId contactOf(Ticket ticket) {
        return new ContactId(tickets.contactOf(ticket.id().value()));
    }

    private static void storable(@Nullable String value, String field) {
        if (value != null && !StorableText.isStorable(value)) {
            throw new InvalidInputException(field, StorableText.problem(value));
        }
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static List<ContactId> ids(List<java.util.UUID> ids) {
        return ids.stream().map(ContactId::new).toList();
    }
}
