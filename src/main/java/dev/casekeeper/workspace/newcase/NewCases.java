package dev.casekeeper.workspace.newcase;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.InboundMessage;
import dev.casekeeper.cases.Sender;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.customers.CreateCustomer;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an agent opens by hand: a logged phone call (a new phone case, or a call added to an existing
 * case) and a plain new case on any channel, for a customer picked or created on the way. A refusal
 * changes nothing: the customer is created in the same transaction as the case.
 */
@Service
@Transactional
class NewCases {

    private static final Logger log = LoggerFactory.getLogger(NewCases.class);
    static final int MAX_SUBJECT = 500;
    static final int MAX_NOTES = 20_000;
    static final Duration LONGEST_CALL = Duration.ofHours(12);

    private final CaseIntake intake;
    private final CaseManagement cases;
    private final CaseLookup lookup;
    private final CustomerManagement customers;

    NewCases(CaseIntake intake, CaseManagement cases, CaseLookup lookup, CustomerManagement customers) {
        this.intake = intake;
        this.cases = cases;
        this.lookup = lookup;
        this.customers = customers;
    }

    /** Logs the call: on the existing case, or on a new phone case for the customer. The case it is on. */
    CaseSummary logCall(LogCall call, SignedInAgent by) {
        var errors = new LinkedHashMap<String, String>();
        var notes = call.notes().strip();
        if (notes.isEmpty()) {
            errors.put("notes", "say what the call was about");
        } else if (notes.length() > MAX_NOTES) {
            errors.put("notes", "must be at most " + MAX_NOTES + " characters");
        }
        if (call.duration().isNegative() || call.duration().compareTo(LONGEST_CALL) > 0) {
            errors.put("durationMinutes", "must be between 0 and " + LONGEST_CALL.toMinutes() + " minutes");
        }
        if (call.caseId() == null) {
            checkNewCase(call.customer(), call.subject(), call.teamId(), by, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (call.caseId() != null) {
            var kase = lookup.find(call.caseId(), by).summary();
            if (kase.status() == CaseStatus.CLOSED) {
                throw new ConflictException(
                        "case-closed", "Case " + kase.number() + " is closed; log the call on a new case");
            }
            cases.recordEvent(
                    kase.id(),
                    by.actor(),
                    new TimelineEvent.CallLogged(
                            call.direction().value(),
                            call.duration(),
                            call.disposition().value(),
                            notes));
            log.info(
                    "Case {}: agent {} logged a {} call",
                    kase.id(),
                    by.id(),
                    call.direction().value());
            return lookup.summary(kase.id());
        }
        var customer = customer(call.customer(), by);
        var subject = call.subject() == null ? "" : call.subject().strip();
        var received = intake.receive(
                InboundMessage.newCase(subject, notes, Channel.PHONE, by.actor())
                        .withTeam(call.teamId()),
                Sender.customer(customer));
        cases.recordEvent(
                received.summary().id(),
                by.actor(),
                new TimelineEvent.CallLogged(
                        call.direction().value(),
                        call.duration(),
                        call.disposition().value(),
                        null));
        log.info(
                "Case {}: opened by agent {} from a logged {} call",
                received.summary().id(),
                by.id(),
                call.direction().value());
        return lookup.summary(received.summary().id());
    }

    /** A case the agent opens for the customer on any channel, with the customer's words as its first message. */
    CaseSummary open(
            @Nullable CustomerPick pick,
            @Nullable String subject,
            String body,
            Channel channel,
            @Nullable TeamId team,
            SignedInAgent by) {
        var errors = new LinkedHashMap<String, String>();
        checkNewCase(pick, subject, team, by, errors);
        if (body.isBlank()) {
            errors.put("body", "write what the customer asked");
        } else if (body.length() > MAX_NOTES) {
            errors.put("body", "must be at most " + MAX_NOTES + " characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var customer = customer(pick, by);
        var received = intake.receive(
                InboundMessage.newCase(String.valueOf(subject).strip(), body.strip(), channel, by.actor())
                        .withTeam(team),
                Sender.customer(customer));
        log.info(
                "Case {}: opened by agent {} on the {} channel",
                received.summary().id(),
                by.id(),
                channel);
        return received.summary();
    }

    /** The teams an agent may open a case in: their own, or any for supervisors and admins. */
    boolean mayOpenIn(TeamId team, SignedInAgent by) {
        return by.role().seesAllTeams() || by.teamIds().contains(team);
    }

    private void checkNewCase(
            @Nullable CustomerPick pick,
            @Nullable String subject,
            @Nullable TeamId team,
            SignedInAgent by,
            Map<String, String> errors) {
        if (subject == null || subject.isBlank()) {
            errors.put("subject", "say what the case is about");
        } else if (subject.strip().length() > MAX_SUBJECT) {
            errors.put("subject", "must be at most " + MAX_SUBJECT + " characters");
        }
        if (pick == null || (pick.id() == null && blank(pick.phone()) && blank(pick.email()))) {
            errors.put("customer", "pick the customer, or give their phone number or email address");
        }
        if (team != null && !mayOpenIn(team, by)) {
            errors.put("teamId", "is not one of your teams");
        }
    }

    private CustomerId customer(@Nullable CustomerPick pick, SignedInAgent by) {
        if (pick == null) {
            throw new InvalidInputException(
                    "customer", "pick the customer, or give their phone number or email address");
        }
        if (pick.id() != null) {
            return customers.find(pick.id()).id();
        }
        var phone = blank(pick.phone()) ? null : pick.phone().strip();
        var email = blank(pick.email()) ? null : pick.email().strip();
        if (phone != null) {
            var known = customers.findByIdentity(IdentityKind.PHONE, phone);
            if (known.isPresent()) {
                return known.get().id();
            }
        }
        if (email != null) {
            var known = customers.findByIdentity(IdentityKind.EMAIL, email);
            if (known.isPresent()) {
                if (phone != null) {
                    customers.addIdentity(known.get().id(), IdentityKind.PHONE, phone, false, by.actor());
                }
                return known.get().id();
            }
        }
        return customers
                .create(
                        new CreateCustomer(
                                pick.name() == null ? "" : pick.name(),
                                email == null ? List.of() : List.of(email),
                                phone == null ? List.of() : List.of(phone),
                                Map.of()),
                        by.actor())
                .id();
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
