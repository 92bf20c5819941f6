package dev.casekeeper.telephony;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.routing.ContactId;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.routing.LiveContactManagement;
import dev.casekeeper.routing.QueueManagement;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Telephony's verbs: phone integrations (admins add them; a secret is shown once), call events from
 * a phone system (checked by the integration's adapter, stored and applied before they are
 * acknowledged), a queued call's position for an IVR, and the call panel's reads and wrap-up.
 */
@Service
public class TelephonyManagement {

    private static final Logger log = LoggerFactory.getLogger(TelephonyManagement.class);
    private static final int MAX_NOTES = 10_000;

    private final Map<String, PhoneSystemAdapter> adapters;
    private final IntegrationQueries integrations;
    private final CallQueries calls;
    private final CallEvents events;
    private final SecretSeal seal;
    private final QueueManagement queues;
    private final LiveContactManagement liveContacts;
    private final CaseLookup lookup;
    private final CaseManagement cases;
    private final AgentManagement agents;
    private final TelephonySettings settings;
    private final Clock clock;

    TelephonyManagement(
            List<PhoneSystemAdapter> adapters,
            IntegrationQueries integrations,
            CallQueries calls,
            CallEvents events,
            SecretSeal seal,
            QueueManagement queues,
            LiveContactManagement liveContacts,
            CaseLookup lookup,
            CaseManagement cases,
            AgentManagement agents,
            TelephonySettings settings,
            Clock clock) {
        this.adapters = adapters.stream().collect(Collectors.toMap(PhoneSystemAdapter::kind, Function.identity()));
        this.integrations = integrations;
        this.calls = calls;
        this.events = events;
        this.seal = seal;
        this.queues = queues;
        this.liveContacts = liveContacts;
        this.lookup = lookup;
        this.cases = cases;
        this.agents = agents;
        this.settings = settings;
        this.clock = clock;
    }

    /** Adds a phone integration; its secret is in the answer this once. */
    @Transactional
    public IssuedIntegration createIntegration(CreateIntegration command, SignedInAgent by) {
        var name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException("name", "give the integration a name of at most 200 characters");
        }
        var kind = command.kind() == null ? "" : command.kind().strip();
        if (!adapters.containsKey(kind)) {
            throw new InvalidInputException(
                    "kind",
                    "must be one of "
                            + String.join(
                                    ", ", adapters.keySet().stream().sorted().toList()));
        }
        try {
            agents.findTeam(command.teamId());
        } catch (NotFoundException e) {
            throw new InvalidInputException("teamId", "names a team that does not exist");
        }
        String secret;
        if (TwilioAdapter.KIND.equals(kind)) {
            if (command.secret() == null || command.secret().isBlank()) {
                throw new InvalidInputException("secret", "give the Twilio account's Auth Token: Twilio signs with it");
            }
            secret = command.secret().strip();
        } else {
            if (command.secret() != null && !command.secret().isBlank()) {
                throw new InvalidInputException("secret", "Casekeeper makes the secret of a signed integration");
            }
            secret = seal.newSecret();
        }
        var integration = new Integration(UUID.randomUUID(), name, kind, command.teamId(), clock.instant());
        if (!integrations.insert(
                integration,
                seal.seal(secret, integration.id().toString()),
                by.id().value())) {
            throw new ConflictException("name-taken", "An integration is already called '" + name + "'");
        }
        log.info("Phone integration {} ({}) added by agent {}", integration.id(), kind, by.id());
        return new IssuedIntegration(integration, secret);
    }

    @Transactional(readOnly = true)
    public List<Integration> integrations() {
        return integrations.list();
    }

    @Transactional
    public void deleteIntegration(UUID id) {
        if (!integrations.delete(id)) {
            throw new NotFoundException("Integration", id);
        }
    }

    /**
     * A phone system's request: checked by the adapter of its kind under the integration's secret,
     * then each call event in it stored and applied, one transaction each.
     *
     * @throws WebhookRefused (401) for a bad signature or a stale timestamp, (404, 409) for an event
     *     that names an unknown call or comes after the call ended; nothing is stored then
     */
    public List<EventReceipt> receive(InboundRequest request) {
        var integration = verified(request);
        return adapters.get(request.kind()).events(request).stream()
                .map(event -> events.accept(integration, event))
                .toList();
    }

    /** A queued call's position and estimated wait for an IVR; the request is signed like an event (its body: the path). */
    @Transactional(readOnly = true)
    public CallQueueStatus queueStatus(InboundRequest request, String callId) {
        var integration = verified(request);
        var call = calls.find(integration.id(), callId)
                .orElseThrow(() ->
                        new WebhookRefused(404, "unknown-call", "No call '" + callId + "' rang on this integration"));
        var contact = queues.contact(new ContactId(call.contactId()));
        var threshold = offerCallbackAfter(contact.teamId());
        var estimate = contact.estimatedWait();
        return new CallQueueStatus(
                callId,
                contact.state().value(),
                contact.position(),
                estimate,
                estimate != null && estimate.compareTo(threshold) > 0,
                threshold);
    }

    /** The estimated wait past which the team's callers are offered a callback. */
    @Transactional(readOnly = true)
    public Duration offerCallbackAfter(TeamId teamId) {
        return integrations
                .offerCallbackAfter(teamId.value())
                .map(Duration::ofSeconds)
                .orElse(settings.defaultOfferCallbackAfter());
    }

    @Transactional
    public Duration setOfferCallbackAfter(TeamId teamId, Duration after) {
        try {
            agents.findTeam(teamId);
        } catch (NotFoundException e) {
            throw new NotFoundException("Team", teamId);
        }
        if (after.toSeconds() < 1 || after.toHours() > 24) {
            throw new InvalidInputException("offerCallbackAfterSeconds", "must be between 1 s and 24 h");
        }
        integrations.setOfferCallbackAfter(teamId.value(), (int) after.toSeconds(), clock.instant());
        return after;
    }

    /** The case's latest call for someone who may see the case; empty when it has none. */
    @Transactional(readOnly = true)
    public Optional<CallOfCase> callOfCase(CaseId caseId, SignedInAgent viewer) {
        lookup.find(caseId, viewer);
        return calls.latestOfCase(caseId.value()).map(call -> view(call, viewer));
    }

    /**
     * The agent on a call that sits on hold offers the caller a callback instead: the live contact ends
     * and the team gets a callback task to the caller's number (routing's callback path).
     */
    @Transactional
    public void offerCallbackInstead(CaseId caseId, SignedInAgent by) {
        lookup.find(caseId, by);
        var call = calls.latestOfCase(caseId.value())
                .filter(c -> !c.ended())
                .orElseThrow(() -> new ConflictException("no-live-call", "This case has no live call"));
        var contactId = new ContactId(call.contactId());
        if (queues.contact(contactId).state() != ContactState.ACCEPTED) {
            throw new ConflictException("call-not-answered", "Nobody answered this call yet");
        }
        liveContacts.end(contactId, by);
        queues.requestCallback(contactId, null, call.fromNumber());
        log.info("Case {}: agent {} offered a callback instead of the hold on call {}", caseId, by.id(), call.id());
    }

    /** The agent's wrap-up of the case's latest call, written on the case's timeline. */
    @Transactional
    public CallOfCase wrapUp(CaseId caseId, Disposition disposition, @Nullable String notes, SignedInAgent by) {
        lookup.find(caseId, by);
        var text = notes == null ? "" : notes.strip();
        if (text.length() > MAX_NOTES) {
            throw new InvalidInputException("notes", "is longer than " + MAX_NOTES + " characters");
        }
        var call = calls.latestOfCase(caseId.value())
                .flatMap(c -> calls.lockById(c.id()))
                .orElseThrow(() -> new ConflictException("no-call", "This case has no call to wrap up"));
        if (call.answeredAt() == null
                && queues.contact(new ContactId(call.contactId())).state() != ContactState.ACCEPTED) {
            throw new ConflictException("call-not-answered", "Nobody answered this call; there is nothing to wrap up");
        }
        calls.wrappedUp(call.id(), disposition.value(), text, clock.instant());
        cases.recordEvent(caseId, by.actor(), new TimelineEvent.CallWrappedUp(disposition.value(), text));
        return view(calls.lockById(call.id()).orElseThrow(), by);
    }

    /**
     * A phone line without a phone system (the demo's): it accepts no requests, and its calls are
     * the ones {@link #ring} and {@link #recordEndedCall} tell.
     */
    @Transactional
    public Integration line(String name, TeamId teamId) {
        var integration = new Integration(UUID.randomUUID(), name, SignedWebhookAdapter.KIND, teamId, clock.instant());
        if (!integrations.insert(integration, null, null)) {
            throw new ConflictException("name-taken", "An integration is already called '" + name + "'");
        }
        return integration;
    }

    /** A call ringing on the line now, as a ringing event would make it: a case for the caller, waiting in the queue. */
    @Transactional
    public EventReceipt ring(Integration line, String callId, String from) {
        return events.accept(
                line,
                new CallEvent(
                        "told:" + callId + ":ringing",
                        callId,
                        CallEventType.RINGING,
                        null,
                        from,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "{}"));
    }

    /**
     * A call that already happened on the line, as the demo tells it: its case, its contact (over),
     * the call's facts on the timeline, and, when {@code callback}, the team's callback task to the
     * caller's number (routing's callback path).
     */
    @Transactional
    public CaseId recordEndedCall(Integration line, RecordedCall call) {
        var callId = "told-" + UUID.randomUUID();
        var receipt = ring(line, callId, call.from());
        var row = calls.lock(line.id(), callId).orElseThrow();
        var contactId = new ContactId(row.contactId());
        liveContacts.end(contactId);
        var now = clock.instant();
        calls.answered(row.id(), now.minus(call.duration()));
        calls.ended(
                row.id(),
                now,
                (int) call.duration().toSeconds(),
                (int) call.held().toSeconds(),
                null,
                call.hungUpBy());
        var caseId = new CaseId(java.util.Objects.requireNonNull(receipt.caseId()));
        cases.recordEvent(
                caseId,
                dev.casekeeper.shared.Actor.SYSTEM,
                new TimelineEvent.CallEnded(true, call.duration(), call.held(), null, call.hungUpBy()));
        if (call.callback()) {
            queues.requestCallback(contactId, null, call.from());
        }
        return caseId;
    }

    private CallOfCase view(CallRow call, SignedInAgent viewer) {
        // The call is live while routing's contact is: an agent may end it (or offer a callback
        // instead) before the phone system reports the end.
        var contact = queues.contact(new ContactId(call.contactId()));
        var contactLive = contact.state() == ContactState.WAITING
                || contact.state() == ContactState.OFFERED
                || contact.state() == ContactState.ACCEPTED;
        var live = !call.ended() && contactLive;
        var hold = live
                ? liveContacts
                        .liveContactOfCase(new CaseId(call.caseId()))
                        .map(dev.casekeeper.routing.LiveContact::hold)
                        .orElse(null)
                : null;
        return new CallOfCase(
                call.externalId(),
                call.fromNumber(),
                live,
                call.answeredAt() != null || contact.state() == ContactState.ACCEPTED,
                call.ringingAt(),
                call.answeredAt(),
                call.endedAt(),
                call.durationSeconds(),
                call.holdSeconds(),
                call.recordingUrl(),
                call.hungUpBy(),
                hold != null,
                hold != null && hold.limitReached(),
                viewer.id().equals(contact.agentId()),
                call.disposition(),
                call.wrapUpNotes());
    }

    private Integration verified(InboundRequest request) {
        var adapter = adapters.get(request.kind());
        if (adapter == null) {
            throw WebhookRefused.badSignature();
        }
        UUID id;
        try {
            var named = adapter.integrationId(request);
            if (named == null) {
                throw WebhookRefused.badSignature();
            }
            id = UUID.fromString(named.strip());
        } catch (IllegalArgumentException e) {
            throw WebhookRefused.badSignature();
        }
        var stored = integrations
                .find(id)
                .filter(s -> s.integration().kind().equals(adapter.kind()))
                .orElseThrow(WebhookRefused::badSignature);
        var sealed = stored.sealedSecret();
        if (sealed == null) {
            throw WebhookRefused.badSignature();
        }
        var secret = seal.open(sealed, id.toString()).orElseThrow(WebhookRefused::badSignature);
        adapter.verify(request, secret, clock.instant());
        return stored.integration();
    }
}
