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

        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(recipient, null), signal)).isTrue();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(recipient, 1042L), signal)).isTrue();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(admin, null), signal)).isFalse();
        assertThat(LiveStreams.mayHear(new LiveStreams.Subscriber(agent(Role.SUPERVISOR), null), signal)).isFalse();
    }

    private static SignedInAgent agent(Role role) {
        return new SignedInAgent(new AgentId(UUID.randomUUID()), "a@example.com", "A", role, Set.of());
    }
}
