package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Routing's verbs: agents' presence, skills and capacities; contacts queued, offered, accepted,
 * declined, ended or abandoned; team overflow; queue views with positions and wait estimates. The
 * chat channel calls {@link #enqueue(EnqueueContact)} and {@link #abandon} directly; the workspace
 * listens for {@link ContactOffered} and calls {@link #accept} or {@link #decline}.
 */
@Service
public class RoutingManagement {

    private static final int ABANDONED_LIMIT = 500;

    private final AgentPresence presence;
    private final ContactFlow flow;
    private final AgentStateQueries agentStates;
    private final ContactQueries contacts;
    private final TeamSettingsQueries teamSettings;
    private final WaitEstimates estimates;
    private final CaseOwnership ownership;
    private final AgentManagement agents;
    private final CaseLookup cases;
    private final LiveContacts live;
    private final LiveContactQueries liveQueries;
    private final SupervisorRequests requests;
    private final Clock clock;

    RoutingManagement(
            AgentPresence presence,
            ContactFlow flow,
            AgentStateQueries agentStates,
            ContactQueries contacts,
            TeamSettingsQueries teamSettings,
            WaitEstimates estimates,
            CaseOwnership ownership,
            AgentManagement agents,
            CaseLookup cases,
            LiveContacts live,
            LiveContactQueries liveQueries,
            SupervisorRequests requests,
            Clock clock) {
        this.live = live;
        this.liveQueries = liveQueries;
        this.requests = requests;
        this.presence = presence;
        this.flow = flow;
        this.agentStates = agentStates;
        this.contacts = contacts;
        this.teamSettings = teamSettings;
        this.estimates = estimates;
        this.ownership = ownership;
        this.agents = agents;
        this.cases = cases;
        this.clock = clock;
    }

    /** The agent's presence, capacities, load and skills (away with default capacities until they first set anything). */
    public AgentRouting agent(AgentId agentId) {
        agents.find(agentId);
        return presence.ensure(agentId);
    }

    /** Sets the agent's presence; anything but available withdraws the offers still open to them. */
    public AgentRouting setPresence(AgentId agentId, Presence value) {
        presence.set(agentId, value);
        return agent(agentId);
    }

    /** Sets an agent's skills and capacities (supervisors and admins). */
    public AgentRouting change(AgentId agentId, ChangeAgentRouting change) {
        agents.find(agentId);
        var skills = change.skills() == null ? List.<String>of() : Skills.normalize(change.skills(), "skills");
        presence.change(
                agentId,
                skills,
                capacity(change.chatCapacity(), "chatCapacity"),
                capacity(change.emailCapacity(), "emailCapacity"),
                change.chatCapacity() == null,
                change.emailCapacity() == null,
                change.skills() == null);
        return agent(agentId);
    }

    /** Every agent routing knows of, longest idle first. */
    public List<AgentRouting> agents() {
        return agentStates.list(null);
    }

    /** Queues a case as a contact, on behalf of a channel (no caller to check). */
    public Contact enqueue(EnqueueContact command) {
        return enqueue(command, cases.detail(command.caseId()).summary());
    }

    /** Queues a case as a contact for an agent who may see the case. */
    public Contact enqueue(EnqueueContact command, SignedInAgent by) {
        return enqueue(command, cases.find(command.caseId(), by).summary());
    }

    private Contact enqueue(EnqueueContact command, CaseSummary kase) {
        var team = command.teamId() != null ? command.teamId() : kase.teamId();
        if (team == null) {
            throw new InvalidInputException("teamId", "name the queue: the case has no team");
        }
        agents.findTeam(team);
        var skills = Skills.normalize(command.requiredSkills(), "requiredSkills");
        var priority = command.priority() != null ? command.priority() : kase.priority();
        var id = flow.enqueue(
                command.caseId().value(),
                command.channel(),
                team.value(),
                skills,
                priority.ordinal(),
                blankToNull(command.callbackEmail()),
                blankToNull(command.callbackPhone()));
        return contact(new ContactId(id));
    }

    /** A contact with, while it waits, its position and estimated wait. */
    public Contact contact(ContactId id) {
        var row = contacts.find(id.value()).orElseThrow(() -> new NotFoundException("Contact", id));
        Integer position = null;
        Duration estimate = null;
        if (row.state() == ContactState.WAITING) {
            position = contacts.ahead(row) + 1;
            estimate = estimates.of(row.teamId(), row.channel()).estimate(position);
        }
        var expiresAt = row.offerId() == null
                ? null
                : contacts.offer(row.offerId())
                        .map(ContactQueries.OfferRow::expiresAt)
                        .orElse(null);
        return view(row, expiresAt, position, estimate);
    }

    /** A contact the caller may see: one of their teams' (all teams for supervisors), or offered to or accepted by them. */
    public Contact contact(ContactId id, SignedInAgent viewer) {
        var found = contact(id);
        if (!mayWatch(viewer, found.teamId()) && !viewer.id().equals(found.agentId())) {
            throw new NotFoundException("Contact", id);
        }
        return found;
    }

    /** The team's queue: contacts offered and waiting (with positions and estimates) and its agents with presence and load. */
    public QueueView queue(TeamId teamId, SignedInAgent viewer) {
        agents.findTeam(teamId);
        if (!mayWatch(viewer, teamId)) {
            throw new NotFoundException("Team", teamId);
        }
        var estimators = new HashMap<RoutedChannel, WaitEstimates.Estimator>();
        var queued = contacts.queue(teamId.value()).stream()
                .map(q -> {
                    Duration estimate = q.position() == null
                            ? null
                            : estimators
                                    .computeIfAbsent(q.contact().channel(), c -> estimates.of(teamId.value(), c))
                                    .estimate(q.position());
                    return view(q.contact(), q.offerExpiresAt(), q.position(), estimate);
                })
                .toList();
        return new QueueView(teamId, queued, agentStates.list(teamId.value()));
    }

    /** What the agent has on their plate: contacts offered to them (with the offer's expiry) and those they accepted. */
    public List<Contact> contactsOf(AgentId agentId) {
        return contacts.ofAgent(agentId.value()).stream()
                .map(q -> view(q.contact(), q.offerExpiresAt(), null, null))
                .toList();
    }

    /** The agent takes the offered contact and, when the case has no owner yet, becomes its owner. */
    public Contact accept(OfferId offerId, AgentId agentId) {
        var caseId = flow.accept(offerId.value(), agentId.value());
        ownership.takeIfUnowned(new CaseId(caseId), agentId);
        return contact(contactOf(offerId));
    }

    /** The agent turns the offer down; the contact goes to another qualified agent first. */
    public Contact decline(OfferId offerId, AgentId agentId) {
        flow.decline(offerId.value(), agentId.value());
        return contact(contactOf(offerId));
    }

    /** The contact is over: its agent's slot on the channel is free again. */
    public Contact end(ContactId id) {
        flow.end(id.value());
        return contact(id);
    }

    /**
     * The agent holding the contact ends it: the conversation is over, the case stays as it is (open,
     * pending or solved: that is the case's own matter), and their slot on the channel is free again.
     */
    public Contact end(ContactId id, SignedInAgent by) {
        var contact = contact(id, by);
        if (!by.id().equals(contact.agentId())) {
            throw new AccessDeniedException("Only the agent holding the contact may end it");
        }
        return end(id);
    }

    /**
     * The customer left before an agent answered. With an email or phone (given now or when the
     * contact was queued) the team gets a callback task.
     */
    public Contact abandon(ContactId id, @Nullable String callbackEmail, @Nullable String callbackPhone) {
        flow.abandon(id.value(), blankToNull(callbackEmail), blankToNull(callbackPhone));
        return contact(id);
    }

    /**
     * A callback task for the team, for the customer of a contact that is over (ended or
     * abandoned), to the email or phone they gave; a contact that has one answers it.
     */
    public UUID requestCallback(ContactId id, @Nullable String email, @Nullable String phone) {
        return flow.callback(id.value(), blankToNull(email), blankToNull(phone));
    }

    /** The contact's callback task, if the team has one. */
    public java.util.Optional<UUID> callbackOf(ContactId id) {
        return contacts.callbackOf(id.value());
    }

    /** Contacts abandoned since the given moment, latest first, of the viewer's teams (every team for supervisors). */
    public List<AbandonedContact> abandoned(SignedInAgent viewer, Instant since) {
        Collection<UUID> teams = viewer.role().seesAllTeams()
                ? null
                : viewer.teamIds().stream().map(TeamId::value).toList();
        return contacts.abandoned(teams, since, ABANDONED_LIMIT).stream()
                .map(a -> new AbandonedContact(
                        new ContactId(a.contact().id()),
                        new CaseId(a.contact().caseId()),
                        a.contact().channel(),
                        new TeamId(a.contact().teamId()),
                        a.contact().arrivedAt(),
                        a.contact().endedAt(),
                        Duration.ofMillis(a.contact().waitedMs()),
                        a.callbackId(),
                        a.email(),
                        a.phone()))
                .toList();
    }

    public TeamRouting teamRouting(TeamId teamId) {
        agents.findTeam(teamId);
        return teamSettings.find(teamId.value());
    }

    /** Sets where the team's contacts overflow to and after how long; both null turns overflow off. */
    public TeamRouting setTeamRouting(
            TeamId teamId, @Nullable TeamId overflowTeamId, @Nullable Duration overflowAfter) {
        agents.findTeam(teamId);
        if ((overflowTeamId == null) != (overflowAfter == null)) {
            throw new InvalidInputException(
                    "overflowAfterSeconds", "give both an overflow team and a wait, or neither");
        }
        if (overflowTeamId != null) {
            if (overflowTeamId.equals(teamId)) {
                throw new InvalidInputException("overflowTeamId", "must be another team");
            }
            if (overflowAfter.toSeconds() < 1 || overflowAfter.toDays() > 1) {
                throw new InvalidInputException("overflowAfterSeconds", "must be between 1 second and 1 day");
            }
            try {
                agents.findTeam(overflowTeamId);
            } catch (NotFoundException e) {
                throw new InvalidInputException("overflowTeamId", "names a team that does not exist");
            }
        }
        teamSettings.save(
                teamId.value(), overflowTeamId == null ? null : overflowTeamId.value(), overflowAfter, clock.instant());
        return teamSettings.find(teamId.value());
    }

    /** Puts the accepted contact on hold; at the hold limit its agent is prompted to return. Only an agent on the contact may. */
    public LiveContact hold(ContactId id, SignedInAgent by) {
        contact(id, by);
        live.hold(id, by);
        return liveContact(id);
    }

    /** Takes the contact off hold. */
    public LiveContact resume(ContactId id, SignedInAgent by) {
        contact(id, by);
        live.resume(id, by);
        return liveContact(id);
    }

    /** A cold transfer: the case moves to the team's queue with the reason and summary; the live contact waits there. */
    public Contact transfer(ContactId id, TransferContact transfer, SignedInAgent by) {
        contact(id, by);
        live.transfer(id, transfer, by);
        return contact(id);
    }

    /** A warm transfer's first step: the colleague is invited, and sees the reason and summary before joining. */
    public Invitation invite(ContactId id, InviteColleague invite, SignedInAgent by) {
        contact(id, by);
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
        contact(id, by);
        live.leave(id, by);
        return liveContact(id);
    }

    /** Who may write in the live contact now: its agent first, then colleagues and supervisors who joined. Empty unless accepted. */
    public List<Participant> participants(ContactId id) {
        return live.participants(id);
    }

    /** The contact with its hold, hold totals, transfers, participants and open invitations, for someone who may see it. */
    public LiveContact liveContact(ContactId id, SignedInAgent viewer) {
        contact(id, viewer);
        return liveContact(id);
    }

    /** The case's contact still waiting, offered or accepted, as {@link #liveContact(ContactId, SignedInAgent)} shows it. */
    public java.util.Optional<LiveContact> liveContactOfCase(CaseId caseId) {
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

    /**
     * Someone asked for a supervisor ({@code source}: {@code widget}, {@code message}, {@code agent}, …): the case is
     * escalated to high priority at least, waits in the supervisors' queue, and they are told. While a request is
     * open, asking again answers that request and changes nothing.
     */
    public SupervisorRequest requestSupervisor(CaseId caseId, String source, Actor by) {
        return requests.request(caseId, source, by);
    }

    /** An agent who may see the case asks for a supervisor. */
    public SupervisorRequest requestSupervisor(CaseId caseId, SignedInAgent by) {
        cases.find(caseId, by);
        return requests.request(caseId, "agent", by.actor());
    }

    /** Open requests for a supervisor, oldest first (supervisors and admins). */
    public List<SupervisorRequest> supervisorRequests(SignedInAgent viewer) {
        return requests.open(viewer);
    }

    /** A supervisor takes a request: joins the live contact, or owns the case when nobody does. */
    public SupervisorRequest takeSupervisorRequest(SupervisorRequestId id, SignedInAgent by) {
        return requests.take(id, by);
    }

    /** The case's open request for a supervisor, or else its latest. */
    public java.util.Optional<SupervisorRequest> supervisorRequestOf(CaseId caseId) {
        return requests.latestOf(caseId);
    }

    private LiveContact liveContact(ContactId id) {
        var contact = contact(id);
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

    private ContactId contactOf(OfferId offerId) {
        return new ContactId(contacts.offer(offerId.value())
                .orElseThrow(() -> new NotFoundException("Offer", offerId))
                .contactId());
    }

    private static boolean mayWatch(SignedInAgent viewer, TeamId team) {
        return viewer.role().seesAllTeams() || viewer.teamIds().contains(team);
    }

    private static @Nullable Integer capacity(@Nullable Integer value, String field) {
        if (value == null || value == -1) {
            return null;
        }
        if (value < 0 || value > 100) {
            throw new InvalidInputException(field, "must be between 0 and 100 (or -1 for the default)");
        }
        return value;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Contact view(
            ContactRow row, @Nullable Instant offerExpiresAt, @Nullable Integer position, @Nullable Duration estimate) {
        var waited = row.waitedMs() != null
                ? Duration.ofMillis(row.waitedMs())
                : Duration.between(row.arrivedAt(), row.endedAt() != null ? row.endedAt() : clock.instant());
        return new Contact(
                new ContactId(row.id()),
                new CaseId(row.caseId()),
                row.channel(),
                new TeamId(row.teamId()),
                row.requiredSkills(),
                Priority.values()[row.priority()],
                row.state(),
                row.arrivedAt(),
                waited,
                row.agentId() == null ? null : new AgentId(row.agentId()),
                row.offerId() == null ? null : new OfferId(row.offerId()),
                offerExpiresAt,
                position,
                estimate,
                row.overflowed());
    }
}
