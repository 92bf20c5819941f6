package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Contacts an agent takes instead of being offered: a counter desk calls the next ticket. Routing
 * still picks which one (the agent's teams and skills, highest priority, longest waiting) and keeps
 * the books as for an accepted offer, so waits, handle times, transfers and the supervisors' page
 * count taken contacts as they count offered ones. {@code SKIP LOCKED}: two desks calling at once
 * get two different tickets.
 */
@Component
class TakenContacts {

    private static final Logger log = LoggerFactory.getLogger(TakenContacts.class);

    private final ContactQueries contacts;
    private final ContactFlow flow;
    private final LiveContactQueries live;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    TakenContacts(
            ContactQueries contacts,
            ContactFlow flow,
            LiveContactQueries live,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.contacts = contacts;
        this.flow = flow;
        this.live = live;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The customer of a taken contact never came to the desk: the contact counts as abandoned (after
     * the wait until it was taken), not as handled, so it stays out of the handle times and shows
     * among the abandoned contacts; with an email or phone given on arrival, the team owes a callback.
     */
    void noShow(UUID contactId, UUID agentId) {
        transaction.executeWithoutResult(status -> {
            var contact = contacts.lock(contactId).orElseThrow(() -> new NotFoundException("Contact", contactId));
            if (contact.state() != ContactState.ACCEPTED || !agentId.equals(contact.agentId())) {
                throw new ConflictException("contact-not-live", "Only a contact the agent holds can be a no-show");
            }
            var now = clock.instant();
            contacts.releaseAccepted(contact.offerId(), now);
            long waited = contact.waitedMs() != null
                    ? contact.waitedMs()
                    : Duration.between(contact.arrivedAt(), now).toMillis();
            contacts.abandoned(contactId, now, waited, null, null);
            log.info("Case {}: contact {} was a no-show at agent {}'s desk", contact.caseId(), contactId, agentId);
            var team = new TeamId(contact.teamId());
            events.publishEvent(new ContactAbandoned(
                    new ContactId(contactId),
                    new CaseId(contact.caseId()),
                    team,
                    contact.channel(),
                    Duration.ofMillis(waited)));
            if (contact.callbackEmail() != null || contact.callbackPhone() != null) {
                var callbackId = UUID.randomUUID();
                if (contacts.insertCallback(
                        callbackId, contact, contact.callbackEmail(), contact.callbackPhone(), now)) {
                    events.publishEvent(new CallbackRequested(
                            callbackId,
                            new ContactId(contactId),
                            new CaseId(contact.caseId()),
                            team,
                            contact.callbackEmail(),
                            contact.callbackPhone()));
                }
            }
            events.publishEvent(new QueueChanged(team));
        });
    }

    /** The contact the agent took, accepted by them; empty when none of {@code among} is theirs to take. */
    Optional<UUID> takeNext(UUID agentId, Collection<UUID> teams, Collection<UUID> among) {
        return transaction.execute(status -> contacts.lockNextFor(agentId, teams, among)
                .map(contact -> {
                    var now = clock.instant();
                    var offerId = UUID.randomUUID();
                    var waited = Duration.between(contact.arrivedAt(), now);
                    // An offer answered at once, so acceptance, release and load read as for any other contact.
                    contacts.offer(offerId, contact, agentId, now, now);
                    contacts.answerOffer(offerId, "accepted", now);
                    contacts.accepted(contact.id(), now, waited.toMillis());
                    log.info(
                            "Case {}: contact {} taken by agent {} after {} s",
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
                    return contact.id();
                }));
    }

    /**
     * The agent hands the contact they took to a colleague at another desk: it ends at their desk (its
     * handle time is theirs), and a new contact of the same case, team and channel waits for the
     * colleague's desk. The handover is a transfer like a cold or warm one: a {@code desk} row in
     * {@code routing.transfer} on the contact handed on, and the new contact counts every transfer of
     * the visit so far, as a contact moved to another queue keeps its count.
     */
    UUID handToDesk(UUID contactId, UUID fromAgentId, UUID toAgentId, String reason, String summary) {
        return transaction.execute(status -> {
            var contact = contacts.lock(contactId).orElseThrow(() -> new NotFoundException("Contact", contactId));
            if (contact.state() != ContactState.ACCEPTED || !fromAgentId.equals(contact.agentId())) {
                throw new ConflictException(
                        "contact-not-live", "Only a contact the agent holds can go to another desk");
            }
            flow.end(contactId);
            var next = flow.enqueue(
                    contact.caseId(),
                    contact.channel(),
                    contact.teamId(),
                    List.of(),
                    contact.priority(),
                    contact.callbackEmail(),
                    contact.callbackPhone());
            live.recordTransfer(contact, "desk", fromAgentId, null, toAgentId, reason, summary, clock.instant());
            live.carryTransfers(contactId, next);
            log.info(
                    "Case {}: contact {} handed from agent {} to agent {}'s desk as contact {}",
                    contact.caseId(),
                    contactId,
                    fromAgentId,
                    toAgentId,
                    next);
            return next;
        });
    }
}
