package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.callbacks.Callback;
import dev.casekeeper.callbacks.CallbackManagement;
import dev.casekeeper.callbacks.CallbackWindow;
import dev.casekeeper.callbacks.RequestCallback;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A contact's way through the queue: arrival, acceptance or decline of an offer, expiry,
 * withdrawal, overflow, abandonment, end. Every step locks the contact's row, changes it, publishes
 * what happened, and after commit has the dispatcher offer what may now be offered.
 */
@Component
class ContactFlow {

    private static final Logger log = LoggerFactory.getLogger(ContactFlow.class);

    private final ContactQueries contacts;
    private final TeamSettingsQueries teams;
    private final Dispatcher dispatcher;
    private final OfferTimers timers;
    private final LiveContactQueries live;
    private final CallbackManagement callbacks;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ContactFlow(
            ContactQueries contacts,
            TeamSettingsQueries teams,
            Dispatcher dispatcher,
            OfferTimers timers,
            LiveContactQueries live,
            CallbackManagement callbacks,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.live = live;
        this.callbacks = callbacks;
        this.contacts = contacts;
        this.teams = teams;
        this.dispatcher = dispatcher;
        this.timers = timers;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Queues the contact; a case already waiting or being handled keeps its contact, which is answered. */
    UUID enqueue(
            UUID caseId,
            RoutedChannel channel,
            UUID teamId,
            List<String> skills,
            int priority,
            @Nullable String callbackEmail,
            @Nullable String callbackPhone) {
        var id = UUID.randomUUID();
        var dispatch = new HashSet<UUID>();
        var queued = transaction.execute(status -> {
            if (!contacts.insert(
                    id, caseId, channel, teamId, skills, priority, callbackEmail, callbackPhone, clock.instant())) {
                return contacts.liveOfCase(caseId).orElseThrow().id();
            }
            log.debug("Case {}: contact {} queued for team {} on {}", caseId, id, teamId, channel.value());
            events.publishEvent(new ContactQueued(new ContactId(id), new CaseId(caseId), new TeamId(teamId), channel));
            events.publishEvent(new QueueChanged(new TeamId(teamId)));
            dispatch.add(teamId);
            return id;
        });
        dispatcher.dispatchAfterCommit(dispatch);
        return queued;
    }

    /** The agent takes the contact offered to them; answers the case the contact is about. */
    UUID accept(UUID offerId, UUID agentId) {
        return transaction.execute(status -> {
            var contact = lockOffered(offerId, agentId);
            var offer = contacts.offer(offerId).orElseThrow();
            if ("accepted".equals(offer.outcome())) {
                return contact.caseId();
            }
            refuseAnswered(offer);
            var now = clock.instant();
            if (!now.isBefore(offer.expiresAt())) {
                throw new ConflictException(
                        "offer-expired", "The offer expired at " + offer.expiresAt() + " and moves to another agent");
            }
            var waited = Duration.between(contact.arrivedAt(), now);
            contacts.answerOffer(offerId, "accepted", now);
            contacts.accepted(contact.id(), now, waited.toMillis());
            timers.cancelExpiry(offerId);
            log.info(
                    "Case {}: contact {} accepted by agent {} after {} s",
                    contact.caseId(),
                    contact.id(),
                    agentId,
                    waited.toSeconds());
            events.publishEvent(new ContactAccepted(
                    new OfferId(offerId),
                    new ContactId(contact.id()),
                    new CaseId(contact.caseId()),
                    new AgentId(agentId),
                    contact.channel(),
                    waited));
            events.publishEvent(new QueueChanged(new TeamId(contact.teamId())));
            return contact.caseId();
        });
    }

    /** The agent turns the offer down: the contact waits again and goes to another agent while any other qualifies. */
    void decline(UUID offerId, UUID agentId) {
        var dispatch = new HashSet<UUID>();
        transaction.executeWithoutResult(status -> {
            var contact = lockOffered(offerId, agentId);
            var offer = contacts.offer(offerId).orElseThrow();
            if ("declined".equals(offer.outcome())) {
                return;
            }
            refuseAnswered(offer);
            backToWaiting(contact, offerId, OfferEnded.Outcome.DECLINED, dispatch);
        });
        dispatcher.dispatchAfterCommit(dispatch);
    }

    /** The offer's time is up (its durable timer): unless it was answered, the contact waits again. */
    void expire(OfferId offerId) {
        var dispatch = new HashSet<UUID>();
        transaction.executeWithoutResult(status -> contacts.lockByOffer(offerId.value())
                .filter(contact -> contact.state() == ContactState.OFFERED
                        && offerId.value().equals(contact.offerId()))
                .ifPresent(contact -> backToWaiting(contact, offerId.value(), OfferEnded.Outcome.EXPIRED, dispatch)));
        dispatcher.dispatchAfterCommit(dispatch);
    }

    /** The agent is no longer available: every offer still open to them goes back to the queue. */
    void withdrawOffersTo(UUID agentId) {
        var dispatch = new HashSet<UUID>();
        transaction.executeWithoutResult(status -> {
            for (var contact : contacts.lockOfferedTo(agentId)) {
                backToWaiting(contact, contact.offerId(), OfferEnded.Outcome.WITHDRAWN, dispatch);
            }
        });
        dispatcher.dispatchAfterCommit(dispatch);
    }

    private void backToWaiting(ContactRow contact, UUID offerId, OfferEnded.Outcome outcome, Set<UUID> dispatch) {
        contacts.answerOffer(offerId, outcome.value(), clock.instant());
        contacts.backToWaiting(contact.id());
        if (outcome != OfferEnded.Outcome.EXPIRED) {
            timers.cancelExpiry(offerId);
        }
        log.debug(
                "Case {}: offer {} {}; contact {} waits again",
                contact.caseId(),
                offerId,
                outcome.value(),
                contact.id());
        events.publishEvent(new OfferEnded(
                new OfferId(offerId), new ContactId(contact.id()), new AgentId(contact.agentId()), outcome));
        events.publishEvent(new QueueChanged(new TeamId(contact.teamId())));
        dispatch.add(contact.teamId());
    }

    /** The contact is over (the chat closed, the case was solved): the agent's slot is free again. */
    void end(UUID contactId) {
        var dispatch = new HashSet<UUID>();
        transaction.executeWithoutResult(status -> {
            var contact = contacts.lock(contactId).orElseThrow(() -> new NotFoundException("Contact", contactId));
            var now = clock.instant();
            switch (contact.state()) {
                case ENDED, ABANDONED -> {
                    return;
                }
                case ACCEPTED -> {
                    contacts.releaseAccepted(contact.offerId(), now);
                    // A contact that ends on hold is off hold; whoever was on it leaves it.
                    live.endHold(contactId, now)
                            .ifPresent(hold -> events.publishEvent(ContactResumed.of(
                                    new ContactId(contactId), new CaseId(contact.caseId()), hold, now)));
                    live.clear(contactId, now);
                    events.publishEvent(new ContactEnded(
                            new ContactId(contactId),
                            new CaseId(contact.caseId()),
                            new AgentId(contact.agentId()),
                            contact.channel()));
                }
                case OFFERED -> {
                    contacts.answerOffer(contact.offerId(), "withdrawn", now);
                    timers.cancelExpiry(contact.offerId());
                    events.publishEvent(new OfferEnded(
                            new OfferId(contact.offerId()),
                            new ContactId(contactId),
                            new AgentId(contact.agentId()),
                            OfferEnded.Outcome.WITHDRAWN));
                    events.publishEvent(new QueueChanged(new TeamId(contact.teamId())));
                }
                case WAITING -> events.publishEvent(new QueueChanged(new TeamId(contact.teamId())));
            }
            contacts.ended(contactId, now);
            log.debug("Case {}: contact {} ended", contact.caseId(), contactId);
            dispatch.add(contact.teamId());
        });
        dispatcher.dispatchAfterCommit(dispatch);
    }

    /**
     * The customer left before an agent answered: recorded with the wait, and, when they left a way
     * to reach them (now or on arrival), a callback task for the team.
     */
    void abandon(
            UUID contactId,
            @Nullable String email,
            @Nullable String phone,
            @Nullable CallbackWindow window,
            Callback.Source source) {
        var dispatch = new HashSet<UUID>();
        transaction.executeWithoutResult(status -> {
            var contact = contacts.lock(contactId).orElseThrow(() -> new NotFoundException("Contact", contactId));
            switch (contact.state()) {
                case ENDED, ABANDONED -> {
                    return;
                }
                case ACCEPTED ->
                    throw new ConflictException(
                            "contact-accepted", "An agent already answered this contact; end it instead");
                default -> {}
            }
            var now = clock.instant();
            if (contact.state() == ContactState.OFFERED) {
                contacts.answerOffer(contact.offerId(), "abandoned", now);
                timers.cancelExpiry(contact.offerId());
                dispatch.add(contact.teamId());
            }
            var waited = Duration.between(contact.arrivedAt(), now);
            contacts.abandoned(contactId, now, waited.toMillis(), email, phone);
            log.info("Case {}: contact {} abandoned after {} s", contact.caseId(), contactId, waited.toSeconds());
            var callbackEmail = email != null ? email : contact.callbackEmail();
            var callbackPhone = phone != null ? phone : contact.callbackPhone();
            events.publishEvent(new ContactAbandoned(
                    new ContactId(contactId),
                    new CaseId(contact.caseId()),
                    new TeamId(contact.teamId()),
                    contact.channel(),
                    waited));
            if (callbackEmail != null || callbackPhone != null) {
                var callbackId = ownedCallback(contact, callbackEmail, callbackPhone, window, source);
                contacts.insertCallback(callbackId, contact, callbackEmail, callbackPhone, now);
                events.publishEvent(new CallbackRequested(
                        callbackId,
                        new ContactId(contactId),
                        new CaseId(contact.caseId()),
                        new TeamId(contact.teamId()),
                        callbackEmail,
                        callbackPhone));
            }
            events.publishEvent(new QueueChanged(new TeamId(contact.teamId())));
        });
        dispatcher.dispatchAfterCommit(dispatch);
    }

    /**
     * The customer of a contact that is over (a chat they left after an agent answered) can only be
     * reached another way: a callback task for the team, once per contact.
     */
    UUID callback(UUID contactId, @Nullable String email, @Nullable String phone) {
        return transaction.execute(status -> {
            var contact = contacts.lock(contactId).orElseThrow(() -> new NotFoundException("Contact", contactId));
            if (contact.state() != ContactState.ENDED && contact.state() != ContactState.ABANDONED) {
                throw new ConflictException("contact-live", "The contact is still live: answer the customer there");
            }
            var existing = contacts.callbackOf(contactId);
            if (existing.isPresent()) {
                return existing.get();
            }
            if (email == null && phone == null) {
                throw new ConflictException(
                        "no-way-back", "The customer left no email address or phone number to call back");
            }
            var callbackId = ownedCallback(contact, email, phone, null, Callback.Source.QUEUE);
            contacts.insertCallback(callbackId, contact, email, phone, clock.instant());
            log.info("Case {}: callback {} for contact {}", contact.caseId(), callbackId, contactId);
            events.publishEvent(new CallbackRequested(
                    callbackId,
                    new ContactId(contactId),
                    new CaseId(contact.caseId()),
                    new TeamId(contact.teamId()),
                    email,
                    phone));
            return callbackId;
        });
    }

    /**
     * The callback task itself belongs to the callbacks module (owner, window, outcome, and no solving
     * while it is open); routing keeps which contact it came from, under the same id.
     */
    private UUID ownedCallback(
            ContactRow contact,
            @Nullable String email,
            @Nullable String phone,
            @Nullable CallbackWindow window,
            Callback.Source source) {
        return callbacks
                .request(new RequestCallback(
                                new CaseId(contact.caseId()),
                                new TeamId(contact.teamId()),
                                null,
                                phone,
                                email,
                                window,
                                source,
                                null,
                                null)
                        .once("contact:" + contact.id()))
                .id()
                .value();
    }

    /** Moves contacts that waited past their team's overflow wait, then offers every waiting contact that can be offered. */
    void sweep() {
        for (var id : contacts.dueForOverflow(clock.instant())) {
            try {
                transaction.executeWithoutResult(status -> overflow(id));
            } catch (RuntimeException e) {
                log.warn("Contact {}: overflow failed; the next sweep tries again", id, e);
            }
        }
        var waiting = new HashSet<>(contacts.teamsWithWaiting());
        dispatcher.dispatch(waiting);
    }

    private void overflow(UUID contactId) {
        var contact = contacts.lock(contactId).orElseThrow();
        var team = teams.find(contact.teamId());
        var now = clock.instant();
        if (contact.state() != ContactState.WAITING
                || team.overflowTeamId() == null
                || contact.queuedAt().plus(team.overflowAfter()).isAfter(now)) {
            return;
        }
        var to = team.overflowTeamId().value();
        var waited = Duration.between(contact.queuedAt(), now);
        contacts.overflow(contact, to, waited.toMillis(), now);
        log.info(
                "Case {}: contact {} overflowed from team {} to team {} after {} s",
                contact.caseId(),
                contactId,
                contact.teamId(),
                to,
                waited.toSeconds());
        events.publishEvent(new ContactOverflowed(
                new ContactId(contactId),
                new CaseId(contact.caseId()),
                new TeamId(contact.teamId()),
                new TeamId(to),
                waited));
        events.publishEvent(new QueueChanged(new TeamId(contact.teamId())));
        events.publishEvent(new QueueChanged(new TeamId(to)));
    }

    /** The contact of the offer, locked; an offer that is not the agent's is not found. */
    private ContactRow lockOffered(UUID offerId, UUID agentId) {
        var contact = contacts.lockByOffer(offerId).orElseThrow(() -> new NotFoundException("Offer", offerId));
        var offer = contacts.offer(offerId).orElseThrow();
        if (!offer.agentId().equals(agentId)) {
            throw new NotFoundException("Offer", offerId);
        }
        return contact;
    }

    private static void refuseAnswered(ContactQueries.OfferRow offer) {
        if (offer.outcome() != null) {
            throw new ConflictException("offer-" + offer.outcome(), "The offer was already " + offer.outcome());
        }
    }
}
