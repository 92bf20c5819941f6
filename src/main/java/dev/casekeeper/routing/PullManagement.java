package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.TeamId;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Contacts that agents take themselves rather than being offered: the walk-in counter, where an
 * agent at a desk calls the next ticket. Routing picks the ticket (the agent's teams and skills,
 * then highest priority and longest wait) and counts it like any contact: its wait, its handle time
 * until it ends, transfers through {@link LiveContactManagement}.
 */
@Service
public class PullManagement {

    private final TakenContacts taken;
    private final ContactViews views;
    private final WaitEstimates estimates;
    private final AgentManagement agents;
    private final CaseOwnership ownership;
    private final AgentPresence presence;
    private final AgentStateQueries agentStates;
    private final Clock clock;

    PullManagement(
            TakenContacts taken,
            ContactViews views,
            WaitEstimates estimates,
            AgentManagement agents,
            CaseOwnership ownership,
            AgentPresence presence,
            AgentStateQueries agentStates,
            Clock clock) {
        this.presence = presence;
        this.agentStates = agentStates;
        this.clock = clock;
        this.taken = taken;
        this.views = views;
        this.estimates = estimates;
        this.agents = agents;
        this.ownership = ownership;
    }

    /**
     * The agent takes the first of the waiting contacts {@code among} that they may serve; it is
     * accepted by them, and its case is theirs when it had no owner. Empty when none qualifies.
     */
    public Optional<Contact> takeNext(AgentId agentId, Collection<ContactId> among) {
        var teams = agents.find(agentId).teamIds().stream().map(TeamId::value).toList();
        return taken.takeNext(
                        agentId.value(),
                        teams,
                        among.stream().map(ContactId::value).toList())
                .map(id -> {
                    var contact = views.contact(new ContactId(id));
                    ownership.takeIfUnowned(contact.caseId(), agentId);
                    return contact;
                });
    }

    /**
     * The customer of the contact the agent took never came: it counts as abandoned after its wait
     * (among the abandoned contacts of the supervisors' page, outside the handle times), with a
     * callback task for the team when the customer left an email or phone.
     */
    public Contact noShow(ContactId id, AgentId agentId) {
        taken.noShow(id.value(), agentId.value());
        return views.contact(id);
    }

    /**
     * The agent hands the contact they took to a colleague's desk, after the case's own transfer
     * recorded the handover: the contact ends at the agent's desk and a new one of the same case waits
     * for the colleague's, returned. It counts as a transfer wherever routing counts them (the
     * contact's transfers, {@link LiveContactManagement#transfersOfCase}). A contact the agent does not
     * hold: {@code 409 contact-not-live}.
     */
    public Contact transferToDesk(ContactId id, AgentId fromAgentId, AgentId toAgentId, String reason, String summary) {
        var next = taken.handToDesk(id.value(), fromAgentId.value(), toAgentId.value(), reason, summary);
        return views.contact(new ContactId(next));
    }

    /**
     * Whether the agent serves at a counter desk now: each agent at a desk serves one walk-in at a
     * time, which is the counter queue's serving capacity in the estimates routing shows (the
     * supervisors' page).
     */
    public void atCounterDesk(AgentId agentId, boolean atDesk) {
        presence.ensure(agentId);
        agentStates.atCounterDesk(agentId.value(), atDesk, clock.instant());
    }

    /**
     * How long the contact at {@code position} (1 is next) of the team's queue on the channel is likely
     * to wait, with {@code servers} agents serving it: the queue's average handle time as for every
     * estimate, between the same floor and cap.
     */
    public Duration estimate(TeamId teamId, RoutedChannel channel, int position, int servers) {
        return estimates.of(teamId.value(), channel, servers).estimate(position);
    }

    /** The contact as routing sees it now, for a channel (no caller to check). */
    public Contact contact(ContactId id) {
        return views.contact(id);
    }
}
