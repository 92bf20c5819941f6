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

        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(recipient, null), signal))
                .isTrue();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(recipient, 1042L), signal))
                .isTrue();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(admin, null), signal))
                .isFalse();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent(Role.SUPERVISOR), null), signal))
                .isFalse();
    }

    @Test
    void aRoutingSignalReachesOnlyTheAgentConcernedAndQueuesOnlySupervisorsAndAdmins() {
        var agent = agent(Role.AGENT);
        var routing = LiveSignal.routing(agent.id().value());
        var queues = LiveSignal.queues();

        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent, null), routing))
                .isTrue();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent(Role.SUPERVISOR), null), routing))
                .isFalse();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent, null), queues))
                .isFalse();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent(Role.SUPERVISOR), null), queues))
                .isTrue();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent(Role.ADMIN), null), queues))
                .isTrue();
    }

    @Test
    void aContactSignalReachesOnlyPagesShowingThatCase() {
        var signal = LiveSignal.contact(UUID.randomUUID(), 1042L);

        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent(Role.AGENT), 1042L), signal))
                .isTrue();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent(Role.ADMIN), 1043L), signal))
                .isFalse();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent(Role.ADMIN), null), signal))
                .isFalse();
    }

    private static SignedInAgent agent(Role role) {
        return new SignedInAgent(new AgentId(UUID.randomUUID()), "a@example.com", "A", role, Set.of());
    }
}
