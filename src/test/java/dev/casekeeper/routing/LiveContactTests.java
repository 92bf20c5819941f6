package dev.casekeeper.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Holds, cold and warm transfers of live contacts, on the real database with the durable hold timer. */
@MovesTime
class LiveContactTests extends ApiTestBase {

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
    NotificationManagement notifications;

    RoutingFixture given;

    @BeforeEach
    void fixture() {
        given = new RoutingFixture(agents, intake, presence, queues);
    }

    private SignedInAgent signedIn(AgentId id) {
        return agents.signedIn(id).orElseThrow();
    }

    /** A chat in the team's queue, offered to and accepted by the agent. */
    private Contact accepted(dev.casekeeper.agents.TeamId team, AgentId agent) {
        var queued = given.chat(team);
        // A sweep dispatching at the same moment may hold the contact's lock and make the offer itself.
        var offered =
                await().atMost(WAIT).until(() -> queues.contact(queued.id()), c -> c.state() == ContactState.OFFERED);
        assertThat(offered.agentId()).isEqualTo(agent);
        return queues.accept(offered.offerId(), agent);
    }

    @Test
    void atTheHoldLimitTheAgentIsPromptedOnceAndResumingRecordsTheHold() {
        var team = given.team();
        var agent = given.available(team, 3);
        var contact = accepted(team, agent);
        var me = signedIn(agent);

        var held = liveContacts.hold(contact.id(), me);
        assertThat(held.hold()).isNotNull();
        assertThat(held.hold().limit()).isEqualTo(Duration.ofSeconds(60));
        assertThat(held.hold().limitReached()).isFalse();
        assertThat(liveContacts.holds(me)).extracting(Hold::contactId).containsExactly(contact.id());
        // Holding again changes nothing.
        assertThat(liveContacts.hold(contact.id(), me).holdCount()).isEqualTo(1);

        TestClock.INSTANCE.advance(Duration.ofSeconds(61));

        await().atMost(WAIT)
                .until(() -> liveContacts.liveContact(contact.id(), me).hold().limitReached());
        await().atMost(WAIT)
                .until(() -> notifications.inbox(me, null, 20).page().items().stream()
                        .anyMatch(n -> n.kind().equals(LiveContacts.HOLD_NOTIFICATION)));
        assertThat(notifications.inbox(me, null, 20).page().items().stream()
                        .filter(n -> n.kind().equals(LiveContacts.HOLD_NOTIFICATION)))
                .hasSize(1);

        var resumed = liveContacts.resume(contact.id(), me);
        assertThat(resumed.hold()).isNull();
        assertThat(resumed.holdCount()).isEqualTo(1);
        assertThat(resumed.heldTotal()).isGreaterThanOrEqualTo(Duration.ofSeconds(61));
        assertThat(liveContacts.holds(me)).isEmpty();
    }

    @Test
    void onlyAnAgentOnTheContactPutsItOnHoldAndOnlyWhileItIsLive() {
        var team = given.team();
        var agent = given.available(team, 3);
        var other = signedIn(given.agent(team, 3));
        var contact = accepted(team, agent);

        assertThatThrownBy(() -> liveContacts.hold(contact.id(), other)).isInstanceOf(AccessDeniedException.class);
        liveContacts.end(contact.id());
        assertThatThrownBy(() -> liveContacts.hold(contact.id(), signedIn(agent)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aContactThatEndsOnHoldIsOffHold() {
        var team = given.team();
        var agent = given.available(team, 3);
        var contact = accepted(team, agent);
        liveContacts.hold(contact.id(), signedIn(agent));

        liveContacts.end(contact.id());

        assertThat(liveContacts.holdsOf(agent)).isEmpty();
        assertThat(liveContacts.liveContact(contact.id(), signedIn(agent)).holdCount())
                .isEqualTo(1);
    }

    @Test
    void aColdTransferPutsTheLiveContactInTheOtherTeamsQueueWithTheHandover() {
        var first = given.team();
        var second = given.team();
        var agent = given.available(first, 3);
        var contact = accepted(first, agent);
        var receiver = given.available(second, 3);

        var moved = liveContacts.transfer(
                contact.id(),
                new TransferContact(
                        second,
                        "Billing question",
                        "Order 4411 charged twice; card ending 0042; already tried a refund form."),
                signedIn(agent));

        assertThat(moved.teamId()).isEqualTo(second);
        assertThat(moved.state()).isEqualTo(ContactState.OFFERED);
        assertThat(moved.agentId()).isEqualTo(receiver);
        var kase = lookup.detail(contact.caseId());
        assertThat(kase.summary().teamId()).isEqualTo(second);
        assertThat(kase.summary().ownerId()).isNull();
        assertThat(kase.handover().summary()).contains("Order 4411");
        assertThat(liveContacts.transfersOfCase(contact.caseId())).isEqualTo(1);
        assertThat(presence.agent(agent).chatLoad()).isZero();

        queues.accept(moved.offerId(), receiver);
        assertThat(lookup.detail(contact.caseId()).summary().ownerId()).isEqualTo(receiver);
    }

    @Test
    void aTransferWithoutASummaryIsRefusedAndChangesNothing() {
        var first = given.team();
        var second = given.team();
        var agent = given.available(first, 3);
        var contact = accepted(first, agent);

        assertThatThrownBy(() -> liveContacts.transfer(
                        contact.id(), new TransferContact(second, "Billing", " "), signedIn(agent)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> liveContacts.transfer(
                        contact.id(), new TransferContact(first, "Billing", "Said things"), signedIn(agent)))
                .isInstanceOf(InvalidInputException.class);

        var unchanged = queues.contact(contact.id());
        assertThat(unchanged.state()).isEqualTo(ContactState.ACCEPTED);
        assertThat(unchanged.teamId()).isEqualTo(first);
        assertThat(lookup.detail(contact.caseId()).handover()).isNull();
        assertThat(liveContacts.transfersOfCase(contact.caseId())).isZero();
    }

    @Test
    void aWarmTransferBringsTheColleagueInThenLeavesThemTheContactAndTheCase() {
        var team = given.team();
        var agent = given.available(team, 3);
        var colleague = given.agent(team, 3);
        var contact = accepted(team, agent);
        var me = signedIn(agent);

        assertThatThrownBy(() -> liveContacts.leave(contact.id(), me)).isInstanceOf(ConflictException.class);

        var invitation = liveContacts.invite(
                contact.id(),
                new InviteColleague(
                        colleague,
                        "Needs a router specialist",
                        "Model X200 reboots every 5 min; firmware 2.1 already reinstalled."),
                me);
        assertThat(liveContacts.invitationsTo(colleague))
                .singleElement()
                .satisfies(i -> assertThat(i.summary()).contains("X200"));

        var joined = liveContacts.acceptInvitation(invitation.id(), signedIn(colleague));
        assertThat(joined.participants()).extracting(Participant::agentId).containsExactly(agent, colleague);
        assertThat(liveContacts.participants(contact.id()))
                .extracting(Participant::role)
                .containsExactly(Participant.AGENT, Participant.COLLEAGUE);
        assertThat(liveContacts.invitationsTo(colleague)).isEmpty();

        var left = liveContacts.leave(contact.id(), me);

        assertThat(left.contact().agentId()).isEqualTo(colleague);
        assertThat(left.participants()).extracting(Participant::agentId).containsExactly(colleague);
        var kase = lookup.detail(contact.caseId());
        assertThat(kase.summary().ownerId()).isEqualTo(colleague);
        assertThat(kase.handover().summary()).contains("X200");
        assertThat(liveContacts.transfersOfCase(contact.caseId())).isEqualTo(1);
        assertThat(presence.agent(agent).chatLoad()).isZero();
        assertThat(presence.agent(colleague).chatLoad()).isEqualTo(1);
    }

    @Test
    void onlyTheInvitedColleagueAnswersTheInvitation() {
        var team = given.team();
        var agent = given.available(team, 3);
        var colleague = given.agent(team, 3);
        var stranger = given.agent(team, 3);
        var contact = accepted(team, agent);
        var invitation = liveContacts.invite(
                contact.id(),
                new InviteColleague(colleague, "Second opinion", "Customer said a lot."),
                signedIn(agent));

        assertThatThrownBy(() -> liveContacts.acceptInvitation(invitation.id(), signedIn(stranger)))
                .isInstanceOf(dev.casekeeper.shared.NotFoundException.class);
        liveContacts.declineInvitation(invitation.id(), signedIn(colleague));
        assertThatThrownBy(() -> liveContacts.acceptInvitation(invitation.id(), signedIn(colleague)))
                .isInstanceOf(ConflictException.class);
        assertThat(liveContacts.participants(contact.id()))
                .extracting(Participant::agentId)
                .containsExactly(agent);
    }
}
