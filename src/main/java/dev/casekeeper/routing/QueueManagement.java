package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.callbacks.Callback;
import dev.casekeeper.callbacks.CallbackWindow;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Contacts waiting in team queues and the offers that hand them to agents: queue a case, read a
 * contact with its position and estimated wait, accept or decline an offer, record that the customer
 * left (with a callback task when they left an address), and set where a team's contacts overflow to.
 * The chat channel calls {@link #enqueue(EnqueueContact)} and {@link #abandon} directly; the workspace
 * listens for {@link ContactOffered} and calls {@link #accept} or {@link #decline}.
 */
@Service
public class QueueManagement {

    private static final int ABANDONED_LIMIT = 500;

    private final ContactFlow flow;
    private final ContactQueries contacts;
    private final ContactViews views;
    private final AgentStateQueries agentStates;
    private final WaitEstimates estimates;
    private final TeamOverflow overflow;
    private final CaseOwnership ownership;
    private final AgentManagement agents;
    private final CaseLookup cases;

    QueueManagement(
            ContactFlow flow,
            ContactQueries contacts,
            ContactViews views,
            AgentStateQueries agentStates,
            WaitEstimates estimates,
            TeamOverflow overflow,
            CaseOwnership ownership,
            AgentManagement agents,
            CaseLookup cases) {
        this.flow = flow;
        this.contacts = contacts;
        this.views = views;
        this.agentStates = agentStates;
        this.estimates = estimates;
        this.overflow = overflow;
        this.ownership = ownership;
        this.agents = agents;
        this.cases = cases;
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
        return views.contact(id);
    }

    /** A contact the caller may see: one of their teams' (all teams for supervisors), or offered to or accepted by them. */
    public Contact contact(ContactId id, SignedInAgent viewer) {
        return views.contact(id, viewer);
    }

    /** The team's queue: contacts offered and waiting (with positions and estimates) and its agents with presence and load. */
    public QueueView queue(TeamId teamId, SignedInAgent viewer) {
        agents.findTeam(teamId);
        if (!ContactViews.mayWatch(viewer, teamId)) {
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
                    return views.view(q.contact(), q.offerExpiresAt(), q.position(), estimate);
                })
                .toList();
        return new QueueView(teamId, queued, agentStates.list(teamId.value()));
    }

    /** What the agent has on their plate: contacts offered to them (with the offer's expiry) and those they accepted. */
    public List<Contact> contactsOf(AgentId agentId) {
        return contacts.ofAgent(agentId.value()).stream()
                .map(q -> views.view(q.contact(), q.offerExpiresAt(), null, null))
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

    /**
     * The customer left before an agent answered. With an email or phone (given now or when the
     * contact was queued) the team gets a callback task.
     */
    public Contact abandon(ContactId id, @Nullable String callbackEmail, @Nullable String callbackPhone) {
        flow.abandon(id.value(), blankToNull(callbackEmail), blankToNull(callbackPhone), null, Callback.Source.QUEUE);
        return contact(id);
    }

    /**
     * The customer left before an agent answered and asked to be called back in {@code window}
     * (the widget's "call me back instead"): the callback task is the team's until someone takes it.
     */
    public Contact abandonForCallback(
            ContactId id,
            @Nullable String callbackEmail,
            @Nullable String callbackPhone,
            @Nullable CallbackWindow window,
            Callback.Source source) {
        flow.abandon(id.value(), blankToNull(callbackEmail), blankToNull(callbackPhone), window, source);
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
    public Optional<UUID> callbackOf(ContactId id) {
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

    /** Where the team's waiting contacts overflow to, and after how long (both null: no overflow). */
    public TeamRouting teamRouting(TeamId teamId) {
        return overflow.of(teamId);
    }

    /** Sets where the team's contacts overflow to and after how long; both null turns overflow off. */
    public TeamRouting setTeamRouting(
            TeamId teamId, @Nullable TeamId overflowTeamId, @Nullable Duration overflowAfter) {
        return overflow.set(teamId, overflowTeamId, overflowAfter);
    }

    /**
     * {@link #setTeamRouting(TeamId, TeamId, Duration)} for a person: admins set any team's overflow,
     * supervisors only that of a team they belong to (the routing page and the API share this rule).
     *
     * @throws AccessDeniedException for an agent, or a supervisor of other teams
     */
    public TeamRouting setTeamRouting(
            TeamId teamId, @Nullable TeamId overflowTeamId, @Nullable Duration overflowAfter, SignedInAgent by) {
        agents.findTeam(teamId);
        if (!mayChangeTeam(teamId, by)) {
            throw new AccessDeniedException("Only admins and the team's supervisors change its overflow");
        }
        return setTeamRouting(teamId, overflowTeamId, overflowAfter);
    }

    /** Whether the person may change the team's routing: an admin, or a supervisor who is in the team. */
    public boolean mayChangeTeam(TeamId teamId, SignedInAgent by) {
        return by.isAdmin() || by.role() == Role.SUPERVISOR && by.teamIds().contains(teamId);
    }

    private ContactId contactOf(OfferId offerId) {
        return new ContactId(contacts.offer(offerId.value())
                .orElseThrow(() -> new NotFoundException("Offer", offerId))
                .contactId());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
