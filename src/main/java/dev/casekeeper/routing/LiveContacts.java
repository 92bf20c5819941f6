package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.TransferCase;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What agents do with a contact they accepted: hold and resume it (with a durable timer at the hold
 * limit), transfer it cold to another team's queue, invite a colleague who joins and takes it over
 * (a warm transfer), and leave it. Every step locks the contact's row first.
 */
@Component
class LiveContacts {

    static final String HOLD_NOTIFICATION = "hold_limit";
    static final String INVITATION_NOTIFICATION = "invitation_accepted";
    private static final int MAX_REASON = 500;
    private static final int MAX_SUMMARY = 10_000;
    private static final Logger log = LoggerFactory.getLogger(LiveContacts.class);

    private final ContactQueries contacts;
    private final LiveContactQueries live;
    private final HoldTimers timers;
    private final Dispatcher dispatcher;
    private final CaseManagement cases;
    private final CaseLookup lookup;
    private final AgentManagement agents;
    private final NotificationManagement notifications;
    private final RoutingSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    LiveContacts(
            ContactQueries contacts,
            LiveContactQueries live,
            HoldTimers timers,
            Dispatcher dispatcher,
            CaseManagement cases,
            CaseLookup lookup,
            AgentManagement agents,
            NotificationManagement notifications,
            RoutingSettings settings,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.contacts = contacts;
        this.live = live;
        this.timers = timers;
        this.dispatcher = dispatcher;
        this.cases = cases;
        this.lookup = lookup;
        this.agents = agents;
        this.notifications = notifications;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Puts the contact on hold; a contact already on hold stays as it is. */
    void hold(ContactId id, SignedInAgent by) {
        transaction.executeWithoutResult(status -> {
            var contact = lockLive(id);
            requireOn(contact, by);
            if (live.openHold(contact.id()).isPresent()) {
                return;
            }
            var now = clock.instant();
            var holdId = UUID.randomUUID();
            var limit = settings.holdLimit();
            live.startHold(holdId, contact, by.id().value(), now, limit);
            timers.scheduleLimit(holdId, now.plus(limit));
            log.debug("Case {}: contact {} on hold by agent {}", contact.caseId(), contact.id(), by.id());
            events.publishEvent(new ContactHeld(id, new CaseId(contact.caseId()), by.id(), now, limit));
        });
    }

    /** Takes the contact off hold; a contact not on hold stays as it is. */
    void resume(ContactId id, SignedInAgent by) {
        transaction.executeWithoutResult(status -> {
            var contact = lockLive(id);
            requireOn(contact, by);
            var now = clock.instant();
            live.endHold(contact.id(), now).ifPresent(hold -> {
                var heldFor = Duration.between(hold.since(), now);
                log.debug(
                        "Case {}: contact {} resumed after {} s on hold",
                        contact.caseId(),
                        contact.id(),
                        heldFor.toSeconds());
                events.publishEvent(ContactResumed.of(id, new CaseId(contact.caseId()), hold, now));
            });
        });
    }

    /** The hold's timer: if the contact is still on that hold, the agent is prompted (live and in their notifications) once. */
    void holdLimit(UUID holdId) {
        transaction.executeWithoutResult(status -> live.hold(holdId).ifPresent(hold -> {
            if (!live.limitReached(holdId, clock.instant())) {
                return;
            }
            var kase = lookup.detail(hold.caseId()).summary();
            log.info(
                    "Case {}: contact {} on hold for {} s, agent {} prompted",
                    hold.caseId(),
                    hold.contactId(),
                    hold.limit().toSeconds(),
                    hold.agentId());
            events.publishEvent(new HoldLimitReached(hold.contactId(), hold.caseId(), hold.agentId(), hold.since()));
            notifications.notify(Notify.of(
                    Set.of(hold.agentId()),
                    HOLD_NOTIFICATION,
                    hold.caseId().value(),
                    "Case #%d \"%s\": the customer has been on hold for %d s; return to them or offer a callback"
                            .formatted(
                                    kase.number(), kase.subject(), hold.limit().toSeconds()),
                    "routing:hold:" + holdId));
        }));
    }

    /** A cold transfer: the case moves to the team's queue with the handover, and the live contact waits there for its agents. */
    void transfer(ContactId id, TransferContact transfer, SignedInAgent by) {
        var reason = required(transfer.reason(), "reason", "say why the contact moves", MAX_REASON);
        var summary = required(
                transfer.summary(),
                "summary",
                "summarise what the customer already said, so they need not repeat it",
                MAX_SUMMARY);
        var dispatch = new ArrayList<UUID>();
        transaction.executeWithoutResult(status -> {
            var contact = lockLive(id);
            if (!by.id().value().equals(contact.agentId()) && !by.role().seesAllTeams()) {
                throw new AccessDeniedException("Only the agent on the contact, or a supervisor, may transfer it");
            }
            if (transfer.toTeamId().value().equals(contact.teamId())) {
                throw new InvalidInputException("toTeamId", "is the queue the contact came from; name another team");
            }
            try {
                agents.findTeam(transfer.toTeamId());
            } catch (NotFoundException e) {
                throw new InvalidInputException("toTeamId", "names a team that does not exist");
            }
            var now = clock.instant();
            cases.transfer(
                    new CaseId(contact.caseId()), new TransferCase(null, transfer.toTeamId(), reason, summary), by);
            endHold(contact, now);
            live.clear(contact.id(), now);
            contacts.releaseAccepted(contact.offerId(), now);
            live.requeue(contact, transfer.toTeamId().value(), now);
            live.recordTransfer(
                    contact, "cold", contact.agentId(), transfer.toTeamId().value(), null, reason, summary, now);
            log.info(
                    "Case {}: contact {} transferred from agent {} to team {}",
                    contact.caseId(),
                    contact.id(),
                    contact.agentId(),
                    transfer.toTeamId());
            events.publishEvent(new ContactTransferred(
                    id, new CaseId(contact.caseId()), new AgentId(contact.agentId()), transfer.toTeamId()));
            events.publishEvent(new QueueChanged(new TeamId(contact.teamId())));
            events.publishEvent(new QueueChanged(transfer.toTeamId()));
            dispatch.add(contact.teamId());
            dispatch.add(transfer.toTeamId().value());
        });
        dispatcher.dispatchAfterCommit(dispatch);
    }

    /** Invites a colleague into the contact; inviting the same colleague again answers the open invitation. */
    Invitation invite(ContactId id, InviteColleague invite, SignedInAgent by) {
        var reason = required(invite.reason(), "reason", "say why you bring in a colleague", MAX_REASON);
        var summary = required(
                invite.summary(),
                "summary",
                "summarise what the customer already said, so they need not repeat it",
                MAX_SUMMARY);
        return transaction.execute(status -> {
            var contact = lockLive(id);
            if (!by.id().value().equals(contact.agentId())) {
                throw new AccessDeniedException("Only the agent on the contact may invite a colleague");
            }
            var colleague = agents.findActive(invite.toAgentId())
                    .orElseThrow(() -> new InvalidInputException("toAgentId", "names no active agent"));
            if (colleague.id().equals(by.id())
                    || live.participants(contact.id()).stream()
                            .anyMatch(p -> p.agentId().equals(colleague.id()))) {
                throw new InvalidInputException("toAgentId", "is already on the contact");
            }
            var invitationId = UUID.randomUUID();
            if (live.invite(
                    invitationId, contact, by.id().value(), colleague.id().value(), reason, summary, clock.instant())) {
                events.publishEvent(new ColleagueInvited(
                        new InvitationId(invitationId), id, new CaseId(contact.caseId()), by.id(), colleague.id()));
                log.info(
                        "Case {}: agent {} invited agent {} into contact {}",
                        contact.caseId(),
                        by.id(),
                        colleague.id(),
                        contact.id());
            }
            return live.invitationsOf(contact.id()).stream()
                    .filter(i -> i.toAgentId().equals(colleague.id()) && i.outcome() == null)
                    .findFirst()
                    .orElseThrow();
        });
    }

    /** The invited colleague joins the contact: both are on it until the first agent leaves. */
    void acceptInvitation(InvitationId id, SignedInAgent by) {
        answerInvitation(id, i -> i.toAgentId().equals(by.id()), "accepted", by);
    }

    void declineInvitation(InvitationId id, SignedInAgent by) {
        answerInvitation(id, i -> i.toAgentId().equals(by.id()), "declined", by);
    }

    /**
     * The agent who sent an open invitation takes it back (the wrong colleague, or no longer needed):
     * the colleague's card goes.
     */
    void withdrawInvitation(InvitationId id, SignedInAgent by) {
        answerInvitation(id, i -> i.fromAgentId().equals(by.id()), "withdrawn", by);
    }

    /**
     * Gives an open invitation its outcome, for whoever {@code mayAnswer} (anyone else does not find
     * it). The same outcome again changes nothing; an invitation with another outcome cannot change.
     */
    private void answerInvitation(InvitationId id, Predicate<Invitation> mayAnswer, String outcome, SignedInAgent by) {
        transaction.executeWithoutResult(status -> {
            var found = live.invitation(id.value())
                    .filter(mayAnswer)
                    .orElseThrow(() -> new NotFoundException("Invitation", id));
            var contact = contacts.lock(found.contactId().value()).orElseThrow();
            var invitation = live.invitation(id.value()).orElseThrow();
            if (outcome.equals(invitation.outcome())) {
                return;
            }
            if (invitation.outcome() != null) {
                throw new ConflictException(
                        "invitation-" + invitation.outcome(), "The invitation was already " + invitation.outcome());
            }
            var now = clock.instant();
            live.answer(id.value(), outcome, now);
            if (!"accepted".equals(outcome)) {
                log.info(
                        "Case {}: the invitation of agent {} into contact {} was {}",
                        contact.caseId(),
                        found.toAgentId(),
                        contact.id(),
                        outcome);
                events.publishEvent(new InvitationAnswered(
                        id, found.contactId(), found.caseId(), found.fromAgentId(), found.toAgentId(), outcome));
                return;
            }
            if (contact.state() != ContactState.ACCEPTED) {
                throw new ConflictException("contact-not-live", "The contact is no longer live");
            }
            live.join(contact.id(), by.id().value(), Participant.COLLEAGUE, now);
            log.info("Case {}: agent {} joined contact {}", contact.caseId(), by.id(), contact.id());
            events.publishEvent(new ColleagueJoined(found.contactId(), found.caseId(), by.id()));
            notifyJoined(invitation);
        });
    }

    /**
     * The colleague who accepted is handed the contact: told, in the bell and on their live page,
     * with the reason and the summary the inviting agent wrote, so they need not ask.
     */
    private void notifyJoined(Invitation invitation) {
        var kase = lookup.summary(invitation.caseId());
        String summary = invitation.summary().strip();
        notifications.notify(Notify.of(
                Set.of(invitation.toAgentId()),
                INVITATION_NOTIFICATION,
                invitation.caseId().value(),
                "Case #%d \"%s\": you joined the contact %s invited you to: %s. Summary: %s"
                        .formatted(
                                kase.number(),
                                kase.subject(),
                                agents.find(invitation.fromAgentId()).name(),
                                invitation.reason().strip(),
                                summary.length() > 500 ? summary.substring(0, 500) + "…" : summary),
                "routing:invitation:" + invitation.id().value()));
    }

    /**
     * The agent leaves the contact. A colleague or supervisor simply leaves; the contact's own agent
     * leaves only once a colleague joined, who then holds the contact and owns the case, with the
     * invitation's reason and summary as the handover.
     */
    void leave(ContactId id, SignedInAgent by) {
        transaction.executeWithoutResult(status -> {
            var contact = lockLive(id);
            var now = clock.instant();
            if (!by.id().value().equals(contact.agentId())) {
                if (!live.leave(contact.id(), by.id().value(), now)) {
                    throw new NotFoundException("Contact", id);
                }
                events.publishEvent(new AgentLeftContact(id, new CaseId(contact.caseId()), by.id()));
                return;
            }
            var joined = live.participants(contact.id()).stream()
                    .filter(p -> p.role().equals(Participant.COLLEAGUE))
                    .toList();
            var invitation = live.invitationsOf(contact.id()).stream()
                    .filter(i -> "accepted".equals(i.outcome())
                            && joined.stream().anyMatch(p -> p.agentId().equals(i.toAgentId())))
                    .reduce((first, second) -> second)
                    .orElseThrow(
                            () -> new ConflictException(
                                    "no-colleague",
                                    "No colleague has joined this contact yet: wait for them, transfer it to a queue, or end it"));
            var colleague = invitation.toAgentId();
            cases.transfer(
                    new CaseId(contact.caseId()),
                    new TransferCase(colleague, null, invitation.reason(), invitation.summary()),
                    by);
            endHold(contact, now);
            live.leave(contact.id(), colleague.value(), now);
            live.handTo(contact.id(), colleague.value());
            live.recordTransfer(
                    contact,
                    "warm",
                    by.id().value(),
                    null,
                    colleague.value(),
                    invitation.reason(),
                    invitation.summary(),
                    now);
            log.info(
                    "Case {}: agent {} left contact {} to agent {}",
                    contact.caseId(),
                    by.id(),
                    contact.id(),
                    colleague);
            events.publishEvent(new AgentLeftContact(id, new CaseId(contact.caseId()), by.id()));
        });
    }

    /** Who may write in the contact now: its agent while it is accepted, then colleagues and supervisors on it. */
    List<Participant> participants(ContactId id) {
        var contact = contacts.find(id.value()).orElseThrow(() -> new NotFoundException("Contact", id));
        if (contact.state() != ContactState.ACCEPTED) {
            return List.of();
        }
        var all = new ArrayList<Participant>();
        all.add(new Participant(new AgentId(contact.agentId()), Participant.AGENT, contact.acceptedAt()));
        all.addAll(live.participants(contact.id()));
        return List.copyOf(all);
    }

    private void endHold(ContactRow contact, java.time.Instant now) {
        live.endHold(contact.id(), now)
                .ifPresent(hold -> events.publishEvent(
                        ContactResumed.of(new ContactId(contact.id()), new CaseId(contact.caseId()), hold, now)));
    }

    private ContactRow lockLive(ContactId id) {
        var contact = contacts.lock(id.value()).orElseThrow(() -> new NotFoundException("Contact", id));
        if (contact.state() != ContactState.ACCEPTED) {
            throw new ConflictException(
                    "contact-not-live",
                    "Contact " + id + " is " + contact.state().value() + ", not being handled by an agent");
        }
        return contact;
    }

    private void requireOn(ContactRow contact, SignedInAgent by) {
        if (!by.id().value().equals(contact.agentId())
                && live.participants(contact.id()).stream()
                        .noneMatch(p -> p.agentId().equals(by.id()))) {
            throw new AccessDeniedException("Only an agent on the contact may put it on hold or resume it");
        }
    }

    static String required(String value, String field, String message, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, message);
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return value.strip();
    }
}
