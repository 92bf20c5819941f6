package dev.casekeeper.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.ChangeAgent;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.ChangeCase;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The assignment rule on the real database: who gets an offer, when, and what happens to it. */
@MovesTime
class AssignmentTests extends ApiTestBase {

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
    void theLongestIdleAvailableAgentGetsTheOffer() {
        var team = given.team();
        var first = given.available(team, 3);
        var second = given.available(team, 3);
        var third = given.available(team, 3);

        var one = given.chat(team);
        var two = given.chat(team);
        var three = given.chat(team);
        var four = given.chat(team);

        assertThat(List.of(one, two, three, four)).allMatch(c -> c.state() == ContactState.OFFERED);
        assertThat(List.of(one.agentId(), two.agentId(), three.agentId(), four.agentId()))
                .containsExactly(first, second, third, first);
    }

    @Test
    void aContactGoesOnlyToAnAgentWithEveryRequiredSkill() {
        var team = given.team();
        given.available(team, 3, "en");
        var french = given.available(team, 3, "fr", "routers");

        var contact = given.chat(team, "FR", "routers");

        assertThat(contact.agentId()).isEqualTo(french);
    }

    @Test
    void aContactNobodyHasTheSkillsForWaitsWithoutHoldingUpThoseBehindIt() {
        var team = given.team();
        var agent = given.available(team, 3, "en");

        var german = given.chat(team, Priority.URGENT, "de");
        var english = given.chat(team, "en");

        assertThat(queues.contact(german.id()).state()).isEqualTo(ContactState.WAITING);
        assertThat(english.agentId()).isEqualTo(agent);
    }

    @Test
    void anAgentAtCapacityGetsNoMoreUntilAContactEnds() {
        var team = given.team();
        var agent = given.available(team, 1);
        var first = given.chat(team);
        var second = given.chat(team);
        assertThat(second.state()).isEqualTo(ContactState.WAITING);

        queues.accept(first.offerId(), agent);
        assertThat(queues.contact(second.id()).state()).isEqualTo(ContactState.WAITING);
        assertThat(presence.agent(agent).chatLoad()).isEqualTo(1);

        liveContacts.end(first.id());

        var now = queues.contact(second.id());
        assertThat(now.state()).isEqualTo(ContactState.OFFERED);
        assertThat(now.agentId()).isEqualTo(agent);
    }

    @Test
    void theOldestContactOfTheHighestPriorityIsOfferedFirst() {
        var team = given.team();
        var agent = given.agent(team, 1);
        var normal = given.chat(team, Priority.NORMAL);
        var firstUrgent = given.chat(team, Priority.URGENT);
        given.chat(team, Priority.URGENT);

        presence.setPresence(agent, Presence.AVAILABLE);

        assertThat(queues.contact(firstUrgent.id()).agentId()).isEqualTo(agent);
        assertThat(queues.contact(normal.id()).state()).isEqualTo(ContactState.WAITING);
    }

    @Test
    void aDeclinedContactGoesToAnotherAgentBeforeTheOneWhoDeclined() {
        var team = given.team();
        var first = given.available(team, 3);
        var contact = given.chat(team);
        assertThat(contact.agentId()).isEqualTo(first);
        // Became available after the offer, so is less idle than the agent who declines.
        var second = given.available(team, 3);

        var declined = queues.decline(contact.offerId(), first);

        assertThat(declined.agentId()).isEqualTo(second);
        assertThat(outcome(contact.offerId())).isEqualTo("declined");
    }

    @Test
    void aDeclinedContactReturnsToTheSameAgentWhenNobodyElseQualifies() {
        var team = given.team();
        var only = given.available(team, 3);
        var contact = given.chat(team);

        var again = queues.decline(contact.offerId(), only);

        assertThat(again.agentId()).isEqualTo(only);
        assertThat(again.offerId()).isNotEqualTo(contact.offerId());
    }

    @Test
    void anOfferNobodyAnswersMovesToTheNextAgentWhenItExpires() {
        var team = given.team();
        var first = given.available(team, 3);
        var contact = given.chat(team);
        var second = given.available(team, 3);
        assertThat(contact.agentId()).isEqualTo(first);

        TestClock.INSTANCE.advance(settings.offerTimeout().plusSeconds(1));

        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(queues.contact(contact.id()).agentId()).isEqualTo(second));
        assertThat(outcome(contact.offerId())).isEqualTo("expired");
        assertThatThrownBy(() -> queues.accept(contact.offerId(), first))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void anAgentWhoGoesOnBreakHasTheirOpenOffersWithdrawn() {
        var team = given.team();
        var agent = given.available(team, 3);
        var offered = given.chat(team);
        var accepted = given.chat(team);
        queues.accept(accepted.offerId(), agent);

        var after = presence.setPresence(agent, Presence.ON_BREAK);

        assertThat(queues.contact(offered.id()).state()).isEqualTo(ContactState.WAITING);
        assertThat(outcome(offered.offerId())).isEqualTo("withdrawn");
        assertThat(queues.contact(accepted.id()).state()).isEqualTo(ContactState.ACCEPTED);
        assertThat(after.chatLoad()).isEqualTo(1);
        assertThat(given.chat(team).state()).isEqualTo(ContactState.WAITING);
    }

    @Test
    void acceptingMakesTheAgentTheOwnerOfAnUnownedCase() {
        var team = given.team();
        var agent = given.available(team, 3);
        var contact = given.chat(team);

        var accepted = queues.accept(contact.offerId(), agent);

        assertThat(accepted.state()).isEqualTo(ContactState.ACCEPTED);
        assertThat(lookup.detail(contact.caseId()).summary().ownerId()).isEqualTo(agent);
    }

    @Test
    void anOfferIsAcceptedOnlyByTheAgentItWasMadeTo() {
        var team = given.team();
        given.available(team, 3);
        var other = given.agent(team, 3);
        var contact = given.chat(team);

        assertThatThrownBy(() -> queues.accept(contact.offerId(), other)).hasMessageContaining("was not found");
        assertThat(queues.contact(contact.id()).state()).isEqualTo(ContactState.OFFERED);
    }

    @Test
    void solvingTheCaseEndsItsContactAndFreesTheSlot() {
        var team = given.team();
        var agent = given.available(team, 1);
        var contact = given.chat(team);
        queues.accept(contact.offerId(), agent);
        var next = given.chat(team);

        var signedIn = agents.signedIn(agent).orElseThrow();
        cases.change(contact.caseId(), new ChangeCase(CaseStatus.SOLVED, null, null), signedIn);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(queues.contact(contact.id()).state()).isEqualTo(ContactState.ENDED);
            assertThat(queues.contact(next.id()).agentId()).isEqualTo(agent);
        });
    }

    @Test
    void chatsAndEmailCasesCountAgainstTheirOwnChannelsCapacity() {
        var team = given.team();
        var chatOnly = given.available(team, 1);
        var both = given.available(team, 1);
        presence.change(both, new ChangeAgentRouting(null, null, 1));

        var chat = given.chat(team);
        var email = queues.enqueue(new EnqueueContact(
                given.openCase(team, Priority.NORMAL), RoutedChannel.EMAIL, team, Set.of(), null, null, null));
        var secondEmail = queues.enqueue(new EnqueueContact(
                given.openCase(team, Priority.NORMAL), RoutedChannel.EMAIL, team, Set.of(), null, null, null));

        assertThat(chat.agentId()).isEqualTo(chatOnly);
        assertThat(email.agentId())
                .as("push assignment is off for an agent with email capacity 0")
                .isEqualTo(both);
        assertThat(secondEmail.state()).isEqualTo(ContactState.WAITING);
        var load = presence.agent(both);
        assertThat(load.emailLoad()).isEqualTo(1);
        assertThat(load.chatLoad()).isZero();
        assertThat(given.chat(team).agentId())
                .as("a full email capacity leaves the chat slot free")
                .isEqualTo(both);
    }

    @Test
    void aDeactivatedAgentGoesAwayAndTheirOpenOffersMoveOn() {
        var team = given.team();
        var leaving = given.available(team, 3);
        var contact = given.chat(team);
        var staying = given.available(team, 3);

        agents.change(leaving, ChangeAgent.active(false));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(presence.agent(leaving).presence()).isEqualTo(Presence.AWAY);
            assertThat(queues.contact(contact.id()).agentId()).isEqualTo(staying);
        });
        assertThat(outcome(contact.offerId())).isEqualTo("withdrawn");
    }

    private String outcome(OfferId offer) {
        return jdbc.sql("select outcome from routing.offer where id = :id")
                .param("id", offer.value())
                .query(String.class)
                .single();
    }
}
