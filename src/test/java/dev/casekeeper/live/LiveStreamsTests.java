package dev.casekeeper.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.SignedInAgent;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who hears which signal on this node. */
class LiveStreamsTests {

    @Test
    void aNotificationSignalReachesOnlyItsRecipientWhateverTheirRole() {
        var recipient = agent(Role.AGENT);
        var admin = agent(Role.ADMIN);
        var signal = LiveSignal.notification(recipient.id().value());

        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(recipient, null, null), signal))
                .isTrue();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(recipient, 1042L, UUID.randomUUID()), signal))
                .isTrue();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(admin, null, null), signal))
                .isFalse();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent(Role.SUPERVISOR), null, null), signal))
                .isFalse();
    }

    @Test
    void aRoutingSignalReachesOnlyTheAgentConcernedAndQueuesOnlySupervisorsAndAdmins() {
        var agent = agent(Role.AGENT);
        var routing = LiveSignal.routing(agent.id().value());
        var queues = LiveSignal.queues();

        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent, null, null), routing))
                .isTrue();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent(Role.SUPERVISOR), null, null), routing))
                .isFalse();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent, null, null), queues))
                .isFalse();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent(Role.SUPERVISOR), null, null), queues))
                .isTrue();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent(Role.ADMIN), null, null), queues))
                .isTrue();
    }

    @Test
    void aContactSignalReachesOnlyPagesShowingThatCase() {
        var shown = UUID.randomUUID();
        var signal = LiveSignal.contact(shown);

        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent(Role.AGENT), 1042L, shown), signal))
                .isTrue();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent(Role.ADMIN), 1043L, UUID.randomUUID()), signal))
                .isFalse();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent(Role.ADMIN), null, null), signal))
                .isFalse();
    }

    private static SignedInAgent agent(Role role) {
        return new SignedInAgent(new AgentId(UUID.randomUUID()), "a@example.com", "A", role, Set.of());
    }
}
