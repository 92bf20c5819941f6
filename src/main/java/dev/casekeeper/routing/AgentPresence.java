package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.TeamId;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An agent's presence and routing settings. A change takes the agent's teams afresh from the agents
 * module. Going unavailable withdraws open offers (a transaction of its own, after the presence is
 * committed: no offer can be made to the agent after that, so none is missed); becoming available
 * or gaining capacity has the agent's teams dispatched.
 */
@Component
class AgentPresence {

    private static final Logger log = LoggerFactory.getLogger(AgentPresence.class);

    private final AgentStateQueries states;
    private final AgentManagement agents;
    private final ContactFlow flow;
    private final Dispatcher dispatcher;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    AgentPresence(
            AgentStateQueries states,
            AgentManagement agents,
            ContactFlow flow,
            Dispatcher dispatcher,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.states = states;
        this.agents = agents;
        this.flow = flow;
        this.dispatcher = dispatcher;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        // Committed by itself even inside a caller's transaction: offers are withdrawn after the presence is visible to
        // every node.
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The agent's routing row, created on first use (away, default capacities, no skills). */
    AgentRouting ensure(AgentId agentId) {
        return transaction.execute(status -> {
            states.find(agentId.value())
                    .ifPresentOrElse(
                            found -> {}, () -> states.ensure(agentId.value(), teamsOf(agentId), clock.instant()));
            return states.find(agentId.value()).orElseThrow();
        });
    }

    void set(AgentId agentId, Presence presence) {
        var teams = teamsOf(agentId);
        transaction.executeWithoutResult(status -> {
            states.ensure(agentId.value(), teams, clock.instant());
            var before = states.lock(agentId.value()).orElseThrow();
            states.setPresence(agentId.value(), presence, teams, clock.instant());
            if (before != presence) {
                log.info("Agent {} is now {}", agentId, presence.value());
                events.publishEvent(new PresenceChanged(agentId, presence));
            }
        });
        if (presence != Presence.AVAILABLE) {
            flow.withdrawOffersTo(agentId.value());
        } else {
            dispatcher.dispatchAfterCommit(ids(teams));
        }
    }

    void change(
            AgentId agentId,
            List<String> skills,
            Integer chatCapacity,
            Integer emailCapacity,
            boolean keepChat,
            boolean keepEmail,
            boolean keepSkills) {
        var teams = teamsOf(agentId);
        transaction.executeWithoutResult(status -> {
            states.ensure(agentId.value(), teams, clock.instant());
            states.lock(agentId.value());
            var stored = states.stored(agentId.value());
            states.update(
                    agentId.value(),
                    keepSkills ? stored.skills() : skills,
                    keepChat ? stored.chatCapacity() : chatCapacity,
                    keepEmail ? stored.emailCapacity() : emailCapacity,
                    teams,
                    clock.instant());
        });
        // A smaller capacity takes nothing away: contacts already offered or accepted stay; new offers wait for room.
        dispatcher.dispatchAfterCommit(ids(teams));
    }

    private List<TeamId> teamsOf(AgentId agentId) {
        return agents.find(agentId).teamIds();
    }

    private static List<UUID> ids(List<TeamId> teams) {
        return teams.stream().map(TeamId::value).collect(Collectors.toList());
    }
}
