package dev.casekeeper.counter;

import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.InboundMessage;
import dev.casekeeper.cases.Sender;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.routing.EnqueueContact;
import dev.casekeeper.routing.QueueManagement;
import dev.casekeeper.routing.RoutedChannel;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.shared.StorableText;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walk-ins' tickets and the display board. Taking a ticket opens a case on the {@code COUNTER}
 * channel for the walk-in (found by the email or phone they gave, else a new customer), queues it in
 * the reason's team as a routing contact, and gives it the location's next number of the day for the
 * reason's letters, all in one transaction.
 */
@Service
@Transactional
public class CounterManagement {

    private static final Logger log = LoggerFactory.getLogger(CounterManagement.class);
    private static final int MAX_FIRST_NAME = 60;
    static final String TAG = "walk-in";

    private final LocationManagement locations;
    private final TicketQueries tickets;
    private final WaitLines lines;
    private final CustomerManagement customers;
    private final CaseIntake intake;
    private final CaseManagement cases;
    private final QueueManagement queues;
    private final BoardSignals signals;
    private final CounterSettings settings;
    private final Clock clock;

    CounterManagement(
            LocationManagement locations,
            TicketQueries tickets,
            WaitLines lines,
            CustomerManagement customers,
            CaseIntake intake,
            CaseManagement cases,
            QueueManagement queues,
            BoardSignals signals,
            CounterSettings settings,
            Clock clock) {
        this.locations = locations;
        this.tickets = tickets;
        this.lines = lines;
        this.customers = customers;
        this.intake = intake;
        this.cases = cases;
        this.queues = queues;
        this.signals = signals;
        this.settings = settings;
        this.clock = clock;
    }

    /** A walk-in takes a ticket at the location: answered with its number, place in line and estimated wait. */
    public Ticket take(LocationId locationId, TakeTicket command) {
        var location = locations.location(locationId);
        var errors = new LinkedHashMap<String, String>();
        var firstName = command.firstName() == null ? "" : command.firstName().strip();
        if (firstName.isEmpty()) {
            errors.put("firstName", "must not be blank");
        } else if (firstName.length() > MAX_FIRST_NAME) {
            errors.put("firstName", "is longer than " + MAX_FIRST_NAME + " characters");
        } else if (!StorableText.isStorable(firstName)) {
            errors.put("firstName", StorableText.problem(firstName));
        }
        var reason = location.reasons().stream()
                .filter(r -> r.id().equals(command.reasonId()))
                .findFirst();
        if (reason.isEmpty()) {
            errors.put("reasonId", "choose one of the location's reasons");
        }
        var email = blankToNull(command.email());
        var phone = blankToNull(command.phone());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var customer = customer(firstName, email, phone);
        var now = clock.instant();
        var day = LocalDate.ofInstant(now, location.zone());
        var code = reason.get().code();
        var number = "%s-%03d".formatted(code, tickets.nextNumber(locationId.value(), day, code));
        var message = InboundMessage.newCase(
                        "%s %s: %s"
                                .formatted(location.name(), number, reason.get().label()),
                        "%s took ticket %s at %s for %s."
                                .formatted(
                                        firstName,
                                        number,
                                        location.name(),
                                        reason.get().label()),
                        Channel.COUNTER,
                        Actor.SYSTEM)
                .withTeam(reason.get().teamId())
                .withTags(List.of(TAG));
        var kase = intake.receive(message, Sender.customer(customer)).summary();
        cases.recordEvent(
                kase.id(),
                Actor.customer(customer.value()),
                new TimelineEvent.CounterTicketTaken(
                        number, location.name(), reason.get().label()));
        var contact = queues.enqueue(new EnqueueContact(
                kase.id(),
                RoutedChannel.COUNTER,
                reason.get().teamId(),
                Set.copyOf(reason.get().skills()),
                null,
                email,
                phone));
        var id = UUID.randomUUID();
        tickets.insert(new TicketQueries.NewTicket(
                id,
                locationId.value(),
                reason.get().id().value(),
                day,
                number,
                firstName,
                email,
                phone,
                customer.value(),
                kase.id().value(),
                kase.number(),
                contact.id().value(),
                now));
        log.info("Case {}: ticket {} taken at location {}", kase.id(), number, locationId);
        signals.changed(locationId);
        return ticket(new TicketId(id));
    }

    /** A ticket, with its place in line and estimated wait while it waits. */
    @Transactional(readOnly = true)
    public Ticket ticket(TicketId id) {
        var ticket = tickets.find(id.value()).orElseThrow(() -> new NotFoundException("Ticket", id));
        return lines.at(locations.location(ticket.locationId())).withPlace(ticket);
    }

    /** The location's tickets waiting, called or being served, oldest first, with places and estimates. */
    @Transactional(readOnly = true)
    public List<Ticket> line(LocationId id) {
        var line = lines.at(locations.location(id));
        return line.live().stream().map(line::withPlace).toList();
    }

    /** What the location's display board shows now. */
    @Transactional(readOnly = true)
    public Board board(LocationId id) {
        var location = locations.location(id);
        var line = lines.at(location);
        var next = new ArrayList<String>();
        int waiting = 0;
        for (var ticket : line.live()) {
            if (ticket.state() == TicketState.WAITING) {
                waiting++;
                if (next.size() < settings.boardNext()) {
                    next.add(ticket.number());
                }
            }
        }
        var serving = line.live().stream()
                .filter(t -> t.state() == TicketState.CALLED || t.state() == TicketState.SERVING)
                .sorted(Comparator.comparing((Ticket t) -> t.calledAt() == null ? Instant.EPOCH : t.calledAt())
                        .reversed())
                .map(t -> new Board.AtDesk(t.number(), String.valueOf(t.desk()), t.state() == TicketState.SERVING))
                .toList();
        var waits = location.reasons().stream()
                .map(r -> {
                    int inLine = line.waitingFor(r.teamId());
                    return new Board.ReasonWait(r.label(), r.code(), inLine, line.estimate(r.teamId(), inLine + 1));
                })
                .toList();
        return new Board(id, location.name(), serving, List.copyOf(next), waiting, waits, clock.instant());
    }

    private CustomerId customer(String firstName, @Nullable String email, @Nullable String phone) {
        if (email != null) {
            return customers.identifyByEmail(email, firstName);
        }
        if (phone != null) {
            return customers.identifyByPhone(phone, firstName);
        }
        return customers.identifyWalkIn(firstName);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
