package dev.casekeeper.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.CasekeeperApplication;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** An offer whose time runs out while no node runs expires after the restart and moves on: a restart strands no offer. */
@MovesTime
class OfferExpiryRestartTests {

    @TempDir
    Path dataDir;

    @Test
    void anOfferThatExpiredWhileTheNodeWasDownMovesToTheNextAgentAfterTheRestart() {
        ContactId contactId;
        OfferId firstOffer;
        dev.casekeeper.agents.AgentId second;
        try (var node = start()) {
            var given = new RoutingFixture(
                    node.getBean(AgentManagement.class),
                    node.getBean(dev.casekeeper.cases.CaseIntake.class),
                    node.getBean(PresenceManagement.class),
                    node.getBean(QueueManagement.class));
            var team = given.team();
            var first = given.available(team, 3);
            var contact = given.chat(team);
            second = given.available(team, 3);
            assertThat(contact.agentId()).isEqualTo(first);
            contactId = contact.id();
            firstOffer = contact.offerId();
        }

        TestClock.INSTANCE.advance(Duration.ofSeconds(31));

        try (var node = start()) {
            var queues = node.getBean(QueueManagement.class);
            var next = second;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var contact = queues.contact(contactId);
                assertThat(contact.state()).isEqualTo(ContactState.OFFERED);
                assertThat(contact.agentId()).isEqualTo(next);
            });
            assertThat(queues.contact(contactId).offerId()).isNotEqualTo(firstOffer);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CasekeeperApplication.class)
                .profiles("test")
                .run(
                        "--casekeeper.data-dir=" + dataDir,
                        "--casekeeper.test.moves-time=true",
                        "--server.port=0",
                        "--logging.level.root=WARN");
    }
}
