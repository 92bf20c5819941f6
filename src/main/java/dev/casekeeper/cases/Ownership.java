package dev.casekeeper.cases;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.Team;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who owns a case: giving an unowned case its owner, and moving a case to another agent or a team's
 * queue with the reason and what the customer already said. {@link CaseManagement} is its door.
 */
@Component
class Ownership {

    private static final Logger log = LoggerFactory.getLogger(Ownership.class);

    private final CaseQueries cases;
    private final CaseWriter writer;
    private final CaseLookup lookup;
    private final AgentManagement agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Ownership(
            CaseQueries cases,
            CaseWriter writer,
            CaseLookup lookup,
            AgentManagement agents,
            ApplicationEventPublisher events,
            Clock clock) {
        this.cases = cases;
        this.writer = writer;
        this.lookup = lookup;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    /** Gives an unowned case its owner. Agents may assign cases they can see; the owner must be active. */
    CaseSummary assign(CaseId id, AgentId ownerId, SignedInAgent by) {
        return assign(lockVisible(id, by), ownerId, by.actor());
    }

    /** Gives an unowned case its owner, as the system (a complaint case to a supervisor): no visibility check. */
    CaseSummary assign(CaseId id, AgentId ownerId, Actor by) {
        return assign(cases.lock(id.value()).orElseThrow(() -> new NotFoundException("Case", id)), ownerId, by);
    }

    private CaseSummary assign(Case kase, AgentId ownerId, Actor by) {
        var id = new CaseId(kase.id);
        var owner = active(agent(ownerId, "ownerId"));
        var previous = kase.ownerId;
        kase.assign(ownerId);
        if (kase.changes().isEmpty()) {
            return kase.summary();
        }
        Instant now = clock.instant();
        writer.event(kase.id, by, new TimelineEvent.Assigned(ownerId, owner.name()), now);
        writer.save(kase, by, now);
        log.info("Case {} assigned to agent {} (was {})", id, ownerId, previous);
        events.publishEvent(new OwnerChanged(
                id,
                ownerId,
                teamOf(kase),
                false,
                by.kind() == Actor.Kind.AGENT && by.id() != null ? new AgentId(by.id()) : null));
        return kase.summary();
    }

    /**
     * Moves a case to another agent or a team's queue, with the reason and a summary of what the
     * customer already said. Only the owner, or a supervisor or admin, may move an owned case.
     * Answers the case as it now stands with its handover, even when the case has moved out of the
     * sender's sight (to another team): they made the move and are told how it landed.
     */
    CaseDetail transfer(CaseId id, TransferCase transfer, SignedInAgent by) {
        if ((transfer.toAgentId() == null) == (transfer.toTeamId() == null)) {
            throw new InvalidInputException("toAgentId", "name exactly one of toAgentId and toTeamId");
        }
        if (transfer.reason().isBlank()) {
            throw new InvalidInputException("reason", "say why the case moves");
        }
        if (transfer.summary().isBlank()) {
            throw new InvalidInputException(
                    "summary", "summarise what the customer already said, so they need not repeat it");
        }
        var kase = lockVisible(id, by);
        if (kase.ownerId != null
                && !kase.ownerId.equals(by.id().value())
                && !by.role().seesAllTeams()) {
            throw new AccessDeniedException(
                    "Only the owner of case " + kase.number + ", or a supervisor, may transfer it");
        }
        var from = kase.ownerId == null ? null : new AgentId(kase.ownerId);
        TimelineEvent.Transferred event;
        if (transfer.toAgentId() != null) {
            var target = active(agent(transfer.toAgentId(), "toAgentId"));
            var keepTeam = kase.teamId != null && target.teamIds().contains(new TeamId(kase.teamId));
            kase.transferToAgent(
                    target.id(),
                    keepTeam || target.teamIds().isEmpty()
                            ? null
                            : target.teamIds().getFirst());
            event = new TimelineEvent.Transferred(
                    from,
                    target.id(),
                    target.name(),
                    null,
                    null,
                    transfer.reason().strip(),
                    transfer.summary().strip());
        } else {
            var team = team(transfer.toTeamId(), "toTeamId");
            kase.transferToTeam(team.id());
            event = new TimelineEvent.Transferred(
                    from,
                    null,
                    null,
                    team.id(),
                    team.name(),
                    transfer.reason().strip(),
                    transfer.summary().strip());
        }
        Instant now = clock.instant();
        writer.event(kase.id, by.actor(), event, now);
        writer.save(kase, by.actor(), now);
        log.info(
                "Case {} transferred to {} by {}",
                id,
                transfer.toAgentId() != null ? transfer.toAgentId() : transfer.toTeamId(),
                by.id());
        events.publishEvent(new OwnerChanged(
                id, kase.ownerId == null ? null : new AgentId(kase.ownerId), teamOf(kase), true, by.id()));
        return lookup.named(id);
    }

    /** A team named in a request: an unknown one is bad input naming the field, not a missing page. */
    private Team team(TeamId id, String field) {
        try {
            return agents.findTeam(id);
        } catch (NotFoundException e) {
            throw new InvalidInputException(field, "no team has the id " + id);
        }
    }

    /** An agent named in a request: an unknown one is bad input naming the field, not a missing page. */
    private Agent agent(AgentId id, String field) {
        try {
            return agents.find(id);
        } catch (NotFoundException e) {
            throw new InvalidInputException(field, "no agent has the id " + id);
        }
    }

    private static Agent active(Agent agent) {
        if (!agent.active()) {
            throw new ConflictException(
                    "agent-inactive", "Agent " + agent.name() + " is deactivated and cannot own cases");
        }
        return agent;
    }

    private Case lockVisible(CaseId id, SignedInAgent viewer) {
        return CaseVisibility.visible(cases.lock(id.value()).orElse(null), viewer, id);
    }

    private static @Nullable TeamId teamOf(Case kase) {
        return kase.teamId == null ? null : new TeamId(kase.teamId);
    }
}
