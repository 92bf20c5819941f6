package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offers waiting contacts to agents. Each offer is one short transaction: lock the first waiting
 * contacts of the teams (highest priority, then longest waiting; {@code SKIP LOCKED}, so nodes
 * dispatching at once take different contacts), find the longest-idle available agent with the
 * skills and a free slot on the channel, lock that agent's row and count their load again under
 * the lock, then record the offer. Runs until no contact of the teams can be offered.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** Waiting contacts looked at per transaction, so one contact nobody can take does not block those behind it. */
    private static final int CONTACTS_PER_ROUND = 20;

    private static final int AGENTS_PER_CONTACT = 5;
    /** A guard against a loop that never ends; the sweep picks up whatever is left. */
    private static final int MAX_OFFERS_PER_CALL = 1_000;

    private final ContactQueries contacts;
    private final AgentStateQueries agents;
    private final OfferTimers timers;
    private final RoutingSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate alone;

    Dispatcher(
            ContactQueries contacts,
            AgentStateQueries agents,
            OfferTimers timers,
            RoutingSettings settings,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.contacts = contacts;
        this.agents = agents;
        this.timers = timers;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.alone = new TransactionTemplate(transactions);
        // Always its own transaction, also when called after the commit of another.
        this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Dispatches for the teams once the current transaction (if any) has committed. After the commit
     * of a caller's transaction the dispatch runs on a thread of its own: the caller's thread keeps
     * the committed transaction's connection until its synchronizations are done, so a dispatch there
     * would hold two connections at once, and callers doing that together (chats arriving) can take
     * the whole pool and wait on each other until the pool's timeout.
     */
    void dispatchAfterCommit(Collection<UUID> teams) {
        if (teams.isEmpty()) {
            return;
        }
        var copy = Set.copyOf(teams);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    Thread.ofVirtual().name("routing-dispatch").start(() -> dispatch(copy));
                }
            });
        } else {
            dispatch(copy);
        }
    }

    /** Offers waiting contacts of the teams until none can be offered; answers how many were offered. */
    int dispatch(Collection<UUID> teams) {
        int offered = 0;
        try {
            while (offered < MAX_OFFERS_PER_CALL && Boolean.TRUE.equals(alone.execute(status -> offerOne(teams)))) {
                offered++;
            }
        } catch (RuntimeException e) {
            // The contacts stay waiting; the next event or the sweep offers them.
            log.warn("Dispatch for teams {} stopped after {} offer(s)", teams, offered, e);
        }
        return offered;
    }

    private boolean offerOne(Collection<UUID> teams) {
        var mayWait = new boolean[] {true};
        for (var contact : contacts.lockWaiting(teams, CONTACTS_PER_ROUND)) {
            var agent = claimAgent(contact, mayWait);
            if (agent.isPresent()) {
                offer(contact, agent.get());
                return true;
            }
        }
        return false;
    }

    /**
     * The first candidate of the transaction is locked waiting for any other node's offer to them to
     * commit; later candidates only if free at once. Waiting only while holding no agent lock keeps
     * two nodes from waiting on each other.
     */
    private Optional<UUID> claimAgent(ContactRow contact, boolean[] mayWait) {
        var candidates = agents.candidates(
                contact.teamId(), contact.requiredSkills(), contact.channel(), contact.id(), AGENTS_PER_CONTACT);
        for (var candidate : candidates) {
            var presence = mayWait[0] ? agents.lock(candidate) : agents.lockIfFree(candidate);
            mayWait[0] = false;
            // Under the lock: the presence and load as every committed offer and release left them.
            if (presence.orElse(null) == Presence.AVAILABLE
                    && agents.load(candidate, contact.channel()) < agents.capacity(candidate, contact.channel())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private void offer(ContactRow contact, UUID agentId) {
        var now = clock.instant();
        var expiresAt = now.plus(settings.offerTimeout());
        var offerId = UUID.randomUUID();
        contacts.offer(offerId, contact, agentId, now, expiresAt);
        agents.offered(agentId, now);
        timers.scheduleExpiry(offerId, expiresAt);
        log.debug(
                "Case {}: contact {} offered to agent {} until {}", contact.caseId(), contact.id(), agentId, expiresAt);
        events.publishEvent(new ContactOffered(
                new OfferId(offerId),
                new ContactId(contact.id()),
                new CaseId(contact.caseId()),
                new AgentId(agentId),
                contact.channel(),
                expiresAt));
        events.publishEvent(new QueueChanged(new TeamId(contact.teamId())));
    }

    static Set<UUID> teamsOf(List<ContactRow> rows) {
        var teams = new LinkedHashSet<UUID>();
        rows.forEach(row -> teams.add(row.teamId()));
        return teams;
    }
}
