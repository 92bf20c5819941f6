package dev.casekeeper.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.support.ApiTestBase;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An agent who is not there is Away after letting two offers in a row expire, with a notification
 * saying why. One missed offer, or a missed one then an accepted one, keeps
 * them Available.
 */
class AwayWhenAbsentTests extends ApiTestBase {

    @Autowired
    PresenceManagement presence;

    @Autowired
    QueueManagement queues;

    @Autowired
    AgentManagement agents;

    @Autowired
    CaseIntake intake;

    @Autowired
    ContactFlow flow;

    @Autowired
    JdbcClient jdbc;

    RoutingFixture given;

    @BeforeEach
    void fixture() {
        given = new RoutingFixture(agents, intake, presence, queues);
    }

    private long notices(dev.casekeeper.agents.AgentId agent) {
        return jdbc.sql("select count(*) from notifications.notification where recipient_id = :a and kind = 'set_away'")
                .param("a", agent.value())
                .query(Long.class)
                .single();
    }

    @Test
    void twoOffersInARowLetExpireMakeTheAgentAwayWithANotice() {
        var team = given.team();
        var alex = given.available(team, 3);

        var first = given.chat(team);
        assertThat(first.agentId()).isEqualTo(alex);
        flow.expire(first.offerId());
        // One miss is forgiven.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> queues.contact(first.id()).state() == ContactState.OFFERED);
        assertThat(presence.agent(alex).presence()).isEqualTo(Presence.AVAILABLE);

        flow.expire(queues.contact(first.id()).offerId());

        await().atMost(Duration.ofSeconds(20)).until(() -> presence.agent(alex).presence() == Presence.AWAY);
        await().atMost(Duration.ofSeconds(20)).until(() -> notices(alex) == 1);
        assertThat(queues.contact(first.id()).state()).isEqualTo(ContactState.WAITING);
    }

    @Test
    void aMissedOfferThenAnAcceptedOneKeepsTheAgentAvailable() {
        var team = given.team();
        var alex = given.available(team, 3);
        var first = given.chat(team);
        flow.expire(first.offerId());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> queues.contact(first.id()).state() == ContactState.OFFERED);
        queues.accept(queues.contact(first.id()).offerId(), alex);

        var second = given.chat(team);
        flow.expire(second.offerId());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> queues.contact(second.id()).state() == ContactState.OFFERED);
        assertThat(presence.agent(alex).presence()).isEqualTo(Presence.AVAILABLE);
        assertThat(notices(alex)).isZero();
    }
}
