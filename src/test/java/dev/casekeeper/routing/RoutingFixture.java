package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.CreateAgent;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.InboundMessage;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.cases.Sender;
import dev.casekeeper.shared.Actor;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Teams, agents and cases for routing tests, made through the modules' facades; every test makes its own. */
final class RoutingFixture {

    private final AgentManagement agents;
    private final CaseIntake intake;
    private final PresenceManagement presence;
    private final QueueManagement queues;

    RoutingFixture(AgentManagement agents, CaseIntake intake, PresenceManagement presence, QueueManagement queues) {
        this.agents = agents;
        this.intake = intake;
        this.presence = presence;
        this.queues = queues;
    }

    TeamId team() {
        return agents.createTeam("Routing " + UUID.randomUUID()).id();
    }

    /** An agent of the team with the skills and chat capacity given, still away. */
    AgentId agent(TeamId team, int chatCapacity, String... skills) {
        var agent = agents.create(new CreateAgent(
                "routing-" + UUID.randomUUID() + "@casekeeper.test",
                "Agent",
                "correct horse battery staple",
                Role.AGENT));
        agents.setTeams(agent.id(), List.of(team));
        presence.change(agent.id(), new ChangeAgentRouting(Set.of(skills), chatCapacity, null));
        return agent.id();
    }

    /** An agent as {@link #agent}, available now. */
    AgentId available(TeamId team, int chatCapacity, String... skills) {
        var agent = agent(team, chatCapacity, skills);
        presence.setPresence(agent, Presence.AVAILABLE);
        return agent;
    }

    CaseId openCase(TeamId team, Priority priority) {
        var message = InboundMessage.newCase(
                        "Chat " + UUID.randomUUID(), "Hello, my router keeps rebooting.", Channel.CHAT, Actor.SYSTEM)
                .withPriority(priority)
                .withTeam(team);
        return intake.receive(message, Sender.email("chat-" + UUID.randomUUID() + "@example.com", "Maria Lopez"))
                .summary()
                .id();
    }

    /** A chat contact for a new case in the team's queue. */
    Contact chat(TeamId team, String... skills) {
        return chat(team, Priority.NORMAL, skills);
    }

    Contact chat(TeamId team, Priority priority, String... skills) {
        return queues.enqueue(new EnqueueContact(
                openCase(team, priority), RoutedChannel.CHAT, team, Set.of(skills), null, null, null));
    }
}
