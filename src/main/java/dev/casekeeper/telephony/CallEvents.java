package dev.casekeeper.telephony;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.InboundMessage;
import dev.casekeeper.cases.Sender;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.routing.ContactId;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.routing.EnqueueContact;
import dev.casekeeper.routing.LiveContactManagement;
import dev.casekeeper.routing.QueueManagement;
import dev.casekeeper.routing.RoutedChannel;
import dev.casekeeper.routing.TransferContact;
import dev.casekeeper.shared.Actor;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a call event in one transaction with storing it, so an event is acknowledged only once it
 * is stored and applied, and a refused one leaves nothing behind. A ring opens a case for the caller
 * and queues it on the phone channel; an answer takes the offer; holds, resumes and transfers act as
 * the agent on the call; an end before an answer is routing's abandonment (a callback task to the
 * caller's number, with the wait), after it the end of the live contact. A call's events apply one
 * at a time, whatever order they arrive in at once: a lock on the call's id (there is no row to lock
 * before the first ring) makes a second ring wait for the first and find its call.
 */
@Component
class CallEvents {

    private static final Logger log = LoggerFactory.getLogger(CallEvents.class);

    private final CallQueries calls;
    private final Callers callers;
    private final CaseIntake intake;
    private final CaseManagement cases;
    private final CaseLookup lookup;
    private final QueueManagement queues;
    private final LiveContactManagement liveContacts;
    private final AgentManagement agents;
    private final MessageSource messages;
    private final Clock clock;

    CallEvents(
            CallQueries calls,
            Callers callers,
            CaseIntake intake,
            CaseManagement cases,
            CaseLookup lookup,
            QueueManagement queues,
            LiveContactManagement liveContacts,
            AgentManagement agents,
            MessageSource messages,
            Clock clock) {
        this.calls = calls;
        this.callers = callers;
        this.intake = intake;
        this.cases = cases;
        this.lookup = lookup;
        this.queues = queues;
        this.liveContacts = liveContacts;
        this.agents = agents;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    EventReceipt accept(Integration integration, CallEvent event) {
        calls.serialize(integration.id(), event.callId());
        if (!calls.insertEvent(integration.id(), event, clock.instant())) {
            var call = calls.find(integration.id(), event.callId()).orElse(null);
            return receipt(event, "duplicate", call);
        }
        var outcome = apply(integration, event);
        calls.eventOutcome(integration.id(), event.eventId(), outcome);
        return receipt(
                event, outcome, calls.find(integration.id(), event.callId()).orElse(null));
    }

    private String apply(Integration integration, CallEvent event) {
        if (event.type() == CallEventType.RINGING) {
            return ring(integration, event);
        }
        var call = calls.lock(integration.id(), event.callId())
                .orElseThrow(() -> new WebhookRefused(
                        404,
                        "unknown-call",
                        "No call '" + event.callId() + "' rang on this integration: send its ringing event first"));
        if (call.ended()) {
            if (event.type() == CallEventType.ENDED) {
                return "recorded";
            }
            throw new WebhookRefused(
                    409,
                    "call-ended",
                    "The call '" + event.callId() + "' already ended; a "
                            + event.type().value() + " event for it changes nothing");
        }
        var contactId = new ContactId(call.contactId());
        var contact = queues.contact(contactId);
        return switch (event.type()) {
            case RINGING -> throw new IllegalStateException();
            case ANSWERED -> {
                if (contact.state() == ContactState.OFFERED && contact.offerId() != null && contact.agentId() != null) {
                    queues.accept(contact.offerId(), contact.agentId());
                    calls.answered(call.id(), clock.instant());
                    yield "applied";
                }
                if (contact.state() == ContactState.ACCEPTED) {
                    calls.answered(call.id(), clock.instant());
                    yield "applied";
                }
                // Answered by the phone system's own menu, or after Casekeeper ended the contact: nothing to route.
                yield "recorded";
            }
            case HELD -> {
                liveContacts.hold(contactId, agentOn(contact, event));
                yield "applied";
            }
            case RESUMED -> {
                liveContacts.resume(contactId, agentOn(contact, event));
                yield "applied";
            }
            case TRANSFERRED -> {
                liveContacts.transfer(
                        contactId,
                        new TransferContact(
                                new TeamId(event.teamId()),
                                event.reason() == null ? "" : event.reason(),
                                event.summary() == null ? "" : event.summary()),
                        agentOn(contact, event));
                yield "applied";
            }
            case ENDED -> end(call, contact, event);
        };
    }

    private String ring(Integration integration, CallEvent event) {
        var existing = calls.lock(integration.id(), event.callId());
        if (existing.isPresent()) {
            return "recorded";
        }
        var from = java.util.Objects.requireNonNull(event.from(), "a ringing event names its caller");
        var customer = callers.identify(from);
        var actor = Actor.customer(customer.value());
        var received = intake.receive(
                InboundMessage.newCase(
                                text("telephony.case.subject", from),
                                text("telephony.case.body", from, event.to() == null ? "" : event.to()),
                                Channel.PHONE,
                                actor)
                        .withTeam(integration.teamId()),
                Sender.customer(customer));
        var kase = received.summary();
        var contact = queues.enqueue(
                new EnqueueContact(kase.id(), RoutedChannel.PHONE, integration.teamId(), Set.of(), null, null, from));
        var now = clock.instant();
        calls.insert(new CallRow(
                UUID.randomUUID(),
                integration.id(),
                event.callId(),
                from,
                event.to(),
                customer.value(),
                kase.id().value(),
                contact.id().value(),
                "ringing",
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        log.info(
                "Case {}: call {} from integration {} rings in the queue of team {}",
                kase.id(),
                event.callId(),
                integration.id(),
                integration.teamId());
        return "applied";
    }

    private String end(CallRow call, dev.casekeeper.routing.Contact contact, CallEvent event) {
        boolean answered = call.answeredAt() != null || contact.state() == ContactState.ACCEPTED;
        var contactId = contact.id();
        // Routing knows the holds of a call an agent took; read them before the contact ends.
        Integer heldInRouting = contact.state() == ContactState.ACCEPTED
                ? liveContacts
                        .liveContactOfCase(new CaseId(call.caseId()))
                        .map(live -> (int) live.heldTotal().toSeconds())
                        .orElse(null)
                : null;
        switch (contact.state()) {
            case WAITING, OFFERED -> {
                answered = false;
                queues.abandon(contactId, null, call.fromNumber());
            }
            case ACCEPTED -> liveContacts.end(contactId);
            case ENDED, ABANDONED -> {}
        }
        var holdSeconds = event.holdSeconds() != null ? event.holdSeconds() : heldInRouting;
        var hungUpBy = event.hungUpBy() != null ? event.hungUpBy() : answered ? null : "customer";
        calls.ended(call.id(), clock.instant(), event.durationSeconds(), holdSeconds, event.recordingUrl(), hungUpBy);
        cases.recordEvent(
                new CaseId(call.caseId()),
                Actor.SYSTEM,
                new TimelineEvent.CallEnded(
                        answered,
                        event.durationSeconds() == null ? null : Duration.ofSeconds(event.durationSeconds()),
                        holdSeconds == null ? null : Duration.ofSeconds(holdSeconds),
                        event.recordingUrl(),
                        hungUpBy));
        log.info("Case {}: call {} ended ({})", call.caseId(), call.externalId(), answered ? "answered" : "abandoned");
        return "applied";
    }

    /** The agent on the call, on whose behalf the phone system acts; refused while nobody answered. */
    private SignedInAgent agentOn(dev.casekeeper.routing.Contact contact, CallEvent event) {
        if (contact.state() != ContactState.ACCEPTED || contact.agentId() == null) {
            throw new WebhookRefused(
                    409,
                    "call-not-answered",
                    "The call '" + event.callId() + "' was not answered by an agent yet; it cannot be "
                            + event.type().value());
        }
        return agents.signedIn(contact.agentId())
                .orElseThrow(() -> new WebhookRefused(
                        409, "agent-inactive", "The agent on the call '" + event.callId() + "' cannot sign in"));
    }

    private EventReceipt receipt(CallEvent event, String outcome, @Nullable CallRow call) {
        Long number = call == null
                ? null
                : lookup.byId(new CaseId(call.caseId()))
                        .map(dev.casekeeper.cases.CaseSummary::number)
                        .orElse(null);
        return new EventReceipt(
                event.eventId(),
                event.callId(),
                event.type().value(),
                outcome,
                call == null ? null : call.caseId(),
                number,
                call == null ? null : call.contactId());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
