package dev.casekeeper.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.notifications.Notification;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.support.ApiTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An agent handed a case is told, in the bell (the notifications API behind it): a transfer to
 * them with its reason, an assignment by someone else, and an invitation into a live contact they
 * accepted with its reason and summary. Taking a case oneself tells nobody.
 */
class HandoverNotificationTests extends ApiTestBase {

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
    CaseIntake intake;

    @Autowired
    NotificationManagement notifications;

    RoutingFixture given;

    @BeforeEach
    void fixture() {
        given = new RoutingFixture(agents, intake, presence, queues);
    }

    @Test
    void aTransferTellsTheReceivingAgentWhyWithTheSummaryOnTheCase() {
        var team = newTeam();
        var from = newAgent("agent", team);
        var to = newAgent("agent", team);
        String caseId = newCase(team);
        from.api().post("/api/v1/cases/" + caseId + "/assignment", Map.of("ownerId", from.id()));

        var moved = from.api()
                .post(
                        "/api/v1/cases/" + caseId + "/transfers",
                        Map.of(
                                "toAgentId", to.id(),
                                "reason", "Billing question",
                                "summary", "Charged twice for order ORD-1001; refund not yet asked."));
        assertThat(moved.status()).as(moved.text()).isLessThan(300);

        var told = awaitOne(to.id(), "case_transferred");
        assertThat(told.text()).contains("transferred to you by", "Billing question");
        assertThat(told.caseId()).isEqualTo(UUID.fromString(caseId));
        var page = to.api().get("/api/v1/cases/" + caseId).json();
        assertThat(page.get("handover").get("summary").asString()).contains("ORD-1001");
        assertThat(kinds(from.id())).doesNotContain("case_transferred");
    }

    @Test
    void anAssignmentBySomeoneElseTellsTheNewOwnerAndTakingACaseTellsNobody() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);
        var agent = newAgent("agent", team);
        String assigned = newCase(team);
        String taken = newCase(team);

        supervisor.api().post("/api/v1/cases/" + assigned + "/assignment", Map.of("ownerId", agent.id()));
        agent.api().post("/api/v1/cases/" + taken + "/assignment", Map.of("ownerId", agent.id()));

        var told = awaitOne(agent.id(), "case_assigned");
        assertThat(told.caseId()).isEqualTo(UUID.fromString(assigned));
        assertThat(told.text()).contains("assigned to you by");
        // Told once, however often the listener runs; the case the agent took is not announced to them.
        assertThat(inbox(agent.id()).stream().filter(n -> n.kind().equals("case_assigned")))
                .hasSize(1);
    }

    @Test
    void anAcceptedInvitationTellsTheColleagueTheReasonAndSummary() {
        var team = given.team();
        var agent = given.available(team, 3);
        var colleague = given.agent(team, 3);
        var queued = given.chat(team);
        var offered =
                await().atMost(WAIT).until(() -> queues.contact(queued.id()), c -> c.state() == ContactState.OFFERED);
        var contact = queues.accept(offered.offerId(), offered.agentId());
        var invitation = liveContacts.invite(
                contact.id(),
                new InviteColleague(
                        colleague,
                        "Needs a router specialist",
                        "Model X200 reboots every 5 min; firmware 2.1 already reinstalled."),
                signedIn(offered.agentId()));

        liveContacts.acceptInvitation(invitation.id(), signedIn(colleague));

        var told = awaitOne(colleague.value(), "invitation_accepted");
        assertThat(told.text()).contains("Needs a router specialist", "X200");
        assertThat(told.caseId()).isEqualTo(contact.caseId().value());
        assertThat(kinds(agent.value())).doesNotContain("invitation_accepted");
    }

    private String newCase(UUID team) {
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Charged twice",
                                "requester",
                                Map.of("email", "c-" + UUID.randomUUID() + "@example.org"),
                                "message",
                                Map.of("body", "I was charged twice."),
                                "teamId",
                                team));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private SignedInAgent signedIn(AgentId id) {
        return agents.signedIn(id).orElseThrow();
    }

    private Notification awaitOne(UUID agent, String kind) {
        await().atMost(WAIT).until(() -> kinds(agent).contains(kind));
        return inbox(agent).stream()
                .filter(n -> n.kind().equals(kind))
                .findFirst()
                .orElseThrow();
    }

    private List<String> kinds(UUID agent) {
        return inbox(agent).stream().map(Notification::kind).toList();
    }

    private List<Notification> inbox(UUID agent) {
        return notifications
                .inbox(signedIn(new AgentId(agent)), null, 50)
                .page()
                .items();
    }
}
