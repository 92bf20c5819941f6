package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * What happens to a contact once an agent accepted it: hold and resume (with a prompt at the hold
 * limit), cold transfers to another team's queue, warm transfers through an invited colleague,
 * leaving, and ending. Every verb that an agent calls checks first that they may see the contact.
 */
@Service
public class LiveContactManagement {

    private final ContactViews views;
    private final ContactFlow flow;
    private final ContactQueries contacts;
    private final LiveContacts live;
    private final LiveContactQueries liveQueries;
    private final Clock clock;

    LiveContactManagement(
            ContactViews views,
            ContactFlow flow,
            ContactQueries contacts,
            LiveContacts live,
            LiveContactQueries liveQueries,
            Clock clock) {
        this.views = views;
        this.flow = flow;
        this.contacts = contacts;
        this.live = live;
        this.liveQueries = liveQueries;
        this.clock = clock;
    }

    /** Puts the accepted contact on hold; at the hold limit its agent is prompted to return. Only an agent on the contact may. */
    public LiveContact hold(ContactId id, SignedInAgent by) {
        views.contact(id, by);
        live.hold(id, by);
        return liveContact(id);
    }

    /** Takes the contact off hold. */
    public LiveContact resume(ContactId id, SignedInAgent by) {
        views.contact(id, by);
        live.resume(id, by);
        return liveContact(id);
    }

    /** A cold transfer: the case moves to the team's queue with the reason and summary; the live contact waits there. */
    public Contact transfer(ContactId id, TransferContact transfer, SignedInAgent by) {
        views.contact(id, by);
        live.transfer(id, transfer, by);
        return views.contact(id);
    }

    /** A warm transfer's first step: the colleague is invited, and sees the reason and summary before joining. */
    public Invitation invite(ContactId id, InviteColleague invite, SignedInAgent by) {
        views.contact(id, by);
        return live.invite(id, invite, by);
    }

    /** The invited colleague joins the contact. */
    public LiveContact acceptInvitation(InvitationId id, SignedInAgent by) {
        live.acceptInvitation(id, by);
        return liveContact(invitation(id, by).contactId());
    }

    /** The invited colleague turns the invitation down. */
    public Invitation declineInvitation(InvitationId id, SignedInAgent by) {
        live.declineInvitation(id, by);
        return invitation(id, by);
    }

    /** The agent who invited a colleague takes the open invitation back; only they may. */
    public Invitation withdrawInvitation(InvitationId id, SignedInAgent by) {
        live.withdrawInvitation(id, by);
        return invitation(id, by);
    }

    /** An agent leaves the contact; the contact's own agent only once a colleague joined, who then owns it. */
    public LiveContact leave(ContactId id, SignedInAgent by) {
        views.contact(id, by);
        live.leave(id, by);
        return liveContact(id);
    }

    /** The contact is over: its agent's slot on the channel is free again. */
    public Contact end(ContactId id) {
        flow.end(id.value());
        return views.contact(id);
    }

    /**
     * The agent holding the contact ends it: the conversation is over, the case stays as it is (open,
     * pending or solved: that is the case's own matter), and their slot on the channel is free again.
     */
    public Contact end(ContactId id, SignedInAgent by) {
        var contact = views.contact(id, by);
        if (!by.id().equals(contact.agentId())) {
            throw new AccessDeniedException("Only the agent holding the contact may end it");
        }
        return end(id);
    }

    /** Who may write in the live contact now: its agent first, then colleagues and supervisors who joined. Empty unless accepted. */
    public List<Participant> participants(ContactId id) {
        return live.participants(id);
    }

    /** {@link #participants(ContactId)} for someone who may see the contact. */
    public List<Participant> participants(ContactId id, SignedInAgent viewer) {
        views.contact(id, viewer);
        return live.participants(id);
    }

    /** The contact with its hold, hold totals, transfers, participants and open invitations, for someone who may see it. */
    public LiveContact liveContact(ContactId id, SignedInAgent viewer) {
        views.contact(id, viewer);
        return liveContact(id);
    }

    /** The case's contact still waiting, offered or accepted, as {@link #liveContact(ContactId, SignedInAgent)} shows it. */
    public Optional<LiveContact> liveContactOfCase(CaseId caseId) {
        return contacts.liveOfCase(caseId.value()).map(row -> liveContact(new ContactId(row.id())));
    }

    /** How many times the case's live contacts were transferred (cold or warm). */
    public int transfersOfCase(CaseId caseId) {
        return liveQueries.transfersOfCase(caseId.value());
    }

    /** Invitations into live contacts open to the agent. */
    public List<Invitation> invitationsTo(AgentId agentId) {
        return liveQueries.invitationsTo(agentId.value());
    }

    /** Holds open now: every one for supervisors and admins, the caller's own for agents. */
    public List<Hold> holds(SignedInAgent viewer) {
        return liveQueries.openHolds(
                viewer.role().seesAllTeams() ? null : viewer.id().value());
    }

    /** The agent's holds open now. */
    public List<Hold> holdsOf(AgentId agentId) {
        return liveQueries.openHolds(agentId.value());
    }

    private LiveContact liveContact(ContactId id) {
        var contact = views.contact(id);
        var hold = liveQueries.openHold(id.value()).orElse(null);
        var totals = liveQueries.totals(id.value());
        var held = Duration.ofMillis(totals.heldMs());
        if (hold != null) {
            held = held.plus(Duration.between(hold.since(), clock.instant()));
        }
        var invitations = contact.state() == ContactState.ACCEPTED
                ? liveQueries.invitationsOf(id.value()).stream()
                        .filter(i -> i.outcome() == null)
                        .toList()
                : List.<Invitation>of();
        return new LiveContact(
                contact, hold, totals.holdCount(), held, totals.transfers(), live.participants(id), invitations);
    }

    private Invitation invitation(InvitationId id, SignedInAgent by) {
        return liveQueries
                .invitation(id.value())
                .filter(i -> i.toAgentId().equals(by.id()) || i.fromAgentId().equals(by.id()))
                .orElseThrow(() -> new NotFoundException("Invitation", id));
    }
}
