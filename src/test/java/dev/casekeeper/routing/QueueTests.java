package dev.casekeeper.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A queue over time: overflow to another team, customers who leave, positions and wait estimates. */
@MovesTime
class QueueTests extends ApiTestBase {

    // Only this test's timers come due when it moves time (see MovesTime): they run within a moment; this
    // bound only ends a failing test.
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    PresenceManagement presence;

    @Autowired
    QueueManagement queues;

    @Autowired
    LiveContactManagement liveContacts;

    @Autowired
    AgentManagement agents;

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseLookup lookup;

    @Autowired
    RoutingSettings settings;

    @Autowired
    JdbcClient jdbc;

    RoutingFixture given;

    @BeforeEach
    void fixture() {
        given = new RoutingFixture(agents, intake, presence, queues);
    }

    @Test
    void aContactWaitingLongerThanTheTeamAllowsMovesToTheOverflowTeamAndIsOfferedThere() {
        var team = given.team();
        var overflow = given.team();
        queues.setTeamRouting(team, overflow, Duration.ofSeconds(90));
        var helper = given.available(overflow, 3);
        var contact = given.chat(team);
        assertThat(contact.state()).isEqualTo(ContactState.WAITING);

        TestClock.INSTANCE.advance(Duration.ofSeconds(91));

        await().atMost(WAIT).untilAsserted(() -> {
            var moved = queues.contact(contact.id());
            assertThat(moved.teamId()).isEqualTo(overflow);
            assertThat(moved.overflowed()).isTrue();
            assertThat(moved.agentId()).isEqualTo(helper);
        });
        var recorded = jdbc.sql(
                        "select from_team_id, to_team_id, waited_ms from routing.overflow where contact_id = :id")
                .param("id", contact.id().value())
                .query((rs, n) -> new Object[] {rs.getObject(1), rs.getObject(2), rs.getLong(3)})
                .single();
        assertThat(recorded[0]).isEqualTo(team.value());
        assertThat(recorded[1]).isEqualTo(overflow.value());
        assertThat((long) recorded[2]).isGreaterThanOrEqualTo(90_000);
    }

    @Test
    void aContactIsNotMovedBeforeTheOverflowWait() {
        var team = given.team();
        var overflow = given.team();
        queues.setTeamRouting(team, overflow, Duration.ofMinutes(10));
        var contact = given.chat(team);

        TestClock.INSTANCE.advance(Duration.ofSeconds(30));
        queues.contact(contact.id());

        assertThat(queues.contact(contact.id()).teamId()).isEqualTo(team);
    }

    @Test
    void aCustomerWhoLeavesIsRecordedAsAbandonedWithTheWaitAndGetsACallbackTask() {
        var team = given.team();
        var caseId = given.openCase(team, Priority.NORMAL);
        var contact = queues.enqueue(
                new EnqueueContact(caseId, RoutedChannel.CHAT, team, Set.of(), null, null, "+31 20 555 0100"));
        TestClock.INSTANCE.advance(Duration.ofSeconds(45));

        var left = queues.abandon(contact.id(), null, null);

        assertThat(left.state()).isEqualTo(ContactState.ABANDONED);
        assertThat(left.waited()).isBetween(Duration.ofSeconds(45), Duration.ofSeconds(60));
        var listed = queues.abandoned(supervisor(), Instant.EPOCH).stream()
                .filter(a -> a.id().equals(contact.id()))
                .findFirst()
                .orElseThrow();
        assertThat(listed.callbackId()).isNotNull();
        assertThat(listed.callbackPhone()).isEqualTo("+31 20 555 0100");
        assertThat(listed.waited()).isEqualTo(left.waited());
        assertThat(jdbc.sql("select count(*) from routing.callback where contact_id = :id and team_id = :team")
                        .param("id", contact.id().value())
                        .param("team", team.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aCustomerWhoLeavesWithoutAWayToReachThemIsListedWithoutACallback() {
        var team = given.team();
        var agent = given.available(team, 3);
        var contact = given.chat(team);
        assertThat(contact.agentId()).isEqualTo(agent);

        queues.abandon(contact.id(), null, null);
        queues.abandon(contact.id(), null, null);

        var listed = queues.abandoned(supervisor(), Instant.EPOCH).stream()
                .filter(a -> a.id().equals(contact.id()))
                .toList();
        assertThat(listed).hasSize(1);
        assertThat(listed.getFirst().callbackId()).isNull();
        assertThat(presence.agent(agent).chatLoad()).isZero();
    }

    @Test
    void waitingContactsSeeTheirPositionAndAnEstimateFromTheServingCapacity() {
        var team = given.team();
        given.available(team, 1);
        given.available(team, 1);
        given.chat(team);
        given.chat(team);
        var third = given.chat(team);
        var fourth = given.chat(team);
        var urgent = given.chat(team, Priority.URGENT);

        // No handle time recorded yet in this queue: the default; two agents of capacity one serve it.
        var handle = settings.defaultHandleTime();
        assertThat(queues.contact(urgent.id()).position()).isEqualTo(1);
        assertThat(queues.contact(third.id()).position()).isEqualTo(2);
        assertThat(queues.contact(fourth.id()).position()).isEqualTo(3);
        assertThat(queues.contact(fourth.id()).estimatedWait())
                .isEqualTo(handle.multipliedBy(3).dividedBy(2));
        var queue = queues.queue(team, supervisor());
        assertThat(queue.contacts()).hasSize(5);
        assertThat(queue.contacts().stream()
                        .filter(c -> c.state() == ContactState.WAITING)
                        .map(Contact::id))
                .containsExactly(urgent.id(), third.id(), fourth.id());
        assertThat(queue.agents()).hasSize(2).allMatch(a -> a.chatLoad() == 1);
    }

    @Test
    void theEstimateLearnsTheQueuesHandleTime() {
        var team = given.team();
        var agent = given.available(team, 1);
        var handled = given.chat(team);
        queues.accept(handled.offerId(), agent);
        var waiting = given.chat(team);
        TestClock.INSTANCE.advance(Duration.ofMinutes(2));
        liveContacts.end(handled.id());
        var next = queues.contact(waiting.id());
        queues.accept(next.offerId(), agent);

        var behind = given.chat(team);

        assertThat(queues.contact(behind.id()).position()).isEqualTo(1);
        assertThat(queues.contact(behind.id()).estimatedWait())
                .isBetween(Duration.ofMinutes(2), Duration.ofSeconds(125));
    }

    @Test
    void nobodyServingTheQueueEstimatesTheCap() {
        var team = given.team();
        var contact = given.chat(team);

        assertThat(contact.position()).isEqualTo(1);
        assertThat(contact.estimatedWait()).isEqualTo(settings.waitEstimateCap());
    }

    private SignedInAgent supervisor() {
        var agent = agents.create(new dev.casekeeper.agents.CreateAgent(
                "sup-" + java.util.UUID.randomUUID() + "@casekeeper.test", "Sup", PASSWORD, Role.SUPERVISOR));
        return agents.signedIn(agent.id()).orElseThrow();
    }
}
