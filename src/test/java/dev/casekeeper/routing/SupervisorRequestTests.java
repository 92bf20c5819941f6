package dev.casekeeper.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.CreateAgent;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.InboundMessage;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.cases.Sender;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.support.ApiTestBase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Requests for a supervisor: escalated, queued, told, idempotent while open, taken by a supervisor. */
class SupervisorRequestTests extends ApiTestBase {

    @Autowired
    PresenceManagement presence;

    @Autowired
    QueueManagement queues;

    @Autowired
    LiveContactManagement liveContacts;

    @Autowired
    SupervisorRequestManagement supervisorRequests;

    @Autowired
    AgentManagement agents;

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseLookup lookup;

    @Autowired
    CaseIntake intake;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    SupervisorRequests requests;

    RoutingFixture given;

    @BeforeEach
    void fixture() {
        given = new RoutingFixture(agents, intake, presence, queues);
    }

    private SignedInAgent supervisorOf(TeamId team) {
        var created = agents.create(new CreateAgent(
                "sup-" + UUID.randomUUID() + "@casekeeper.test",
                "Sam Supervisor",
                "correct horse battery staple",
                Role.SUPERVISOR));
        agents.setTeams(created.id(), List.of(team));
        return agents.signedIn(created.id()).orElseThrow();
    }

    @Test
    void aRequestEscalatesToHighQueuesTellsTheSupervisorsAndAskingAgainChangesNothing() {
        var team = given.team();
        var supervisor = supervisorOf(team);
        var caseId = given.openCase(team, Priority.NORMAL);

        var first = supervisorRequests.request(caseId, "widget", Actor.SYSTEM);
        var again = supervisorRequests.request(caseId, "widget", Actor.SYSTEM);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.open()).isTrue();
        assertThat(lookup.detail(caseId).summary().priority()).isEqualTo(Priority.HIGH);
        assertThat(lookup.detail(caseId).timeline().stream().filter(e -> e.event() instanceof TimelineEvent.Escalated))
                .hasSize(1);
        assertThat(supervisorRequests.open(supervisor))
                .extracting(SupervisorRequest::caseId)
                .contains(caseId);
        assertThat(notifications.inbox(supervisor, null, 50).page().items().stream()
                        .filter(n -> n.kind().equals(SupervisorRequests.NOTIFICATION)
                                && caseId.value().equals(n.caseId())))
                .hasSize(1);
    }

    @Test
    void anUrgentCaseStaysUrgent() {
        var team = given.team();
        var caseId = given.openCase(team, Priority.URGENT);

        supervisorRequests.request(caseId, "agent", Actor.SYSTEM);

        assertThat(lookup.detail(caseId).summary().priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void theSupervisorWhoTakesTheRequestJoinsTheLiveContact() {
        var team = given.team();
        var supervisor = supervisorOf(team);
        var agent = given.available(team, 3);
        var queued = given.chat(team);
        var offered = await().atMost(Duration.ofSeconds(20))
                .until(() -> queues.contact(queued.id()), c -> c.state() == ContactState.OFFERED);
        var contact = queues.accept(offered.offerId(), agent);

        var request = supervisorRequests.request(
                contact.caseId(), agents.signedIn(agent).orElseThrow());
        var taken = supervisorRequests.take(request.id(), supervisor);

        assertThat(taken.open()).isFalse();
        assertThat(taken.takenBy()).isEqualTo(supervisor.id());
        assertThat(liveContacts.participants(contact.id()))
                .extracting(Participant::agentId)
                .containsExactly(agent, supervisor.id());
        assertThat(supervisorRequests.open(supervisor))
                .extracting(SupervisorRequest::id)
                .doesNotContain(request.id());
        assertThat(lookup.detail(contact.caseId()).timeline().stream()
                        .filter(e -> e.event() instanceof TimelineEvent.SupervisorJoined))
                .hasSize(1);
        // Once taken, a new request opens a new one.
        assertThat(supervisorRequests
                        .request(contact.caseId(), "widget", Actor.SYSTEM)
                        .id())
                .isNotEqualTo(request.id());
    }

    @Test
    void aSupervisorTakingARequestOnAnUnownedCaseOwnsIt() {
        var team = given.team();
        var supervisor = supervisorOf(team);
        var caseId = given.openCase(team, Priority.NORMAL);
        var request = supervisorRequests.request(caseId, "message", Actor.SYSTEM);

        supervisorRequests.take(request.id(), supervisor);

        assertThat(lookup.detail(caseId).summary().ownerId()).isEqualTo(supervisor.id());
    }

    @Test
    void agentsNeitherListNorTakeRequests() {
        var team = given.team();
        var agent = agents.signedIn(given.agent(team, 3)).orElseThrow();
        var request = supervisorRequests.request(given.openCase(team, Priority.NORMAL), "widget", Actor.SYSTEM);

        assertThatThrownBy(() -> supervisorRequests.open(agent)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> supervisorRequests.take(request.id(), agent))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(request.open()).isTrue();
    }

    @Test
    void aCustomerAskingForAManagerEndsInTheSupervisorsQueue() {
        var team = given.team();
        var supervisor = supervisorOf(team);
        var message = InboundMessage.newCase(
                        "Refund", "Could I please speak to a supervisor about my refund?", Channel.CHAT, Actor.SYSTEM)
                .withTeam(team);
        var caseId = intake.receive(message, Sender.email("angry-" + UUID.randomUUID() + "@example.com", "Rosa Diaz"))
                .summary()
                .id();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> supervisorRequests
                        .latestOf(new CaseId(caseId.value()))
                        .filter(r -> r.open() && r.source().equals("message"))
                        .isPresent());
        assertThat(supervisorRequests.open(supervisor))
                .extracting(SupervisorRequest::caseId)
                .contains(caseId);
        assertThat(lookup.detail(caseId).timeline().stream().filter(e -> e.event() instanceof TimelineEvent.Escalated))
                .hasSize(1);
    }

    /**
     * Issue 15, item 10: the request used to reach routing only through the heated event, which fires
     * once per heated case. A request written on a case already heated is routed all the same, tells
     * the supervisors (no heated alert did), and after it was taken the next one opens a new request.
     */
    @Test
    void aCustomerAskingForSomeoneElseOnACaseAlreadyHeatedEndsInTheSupervisorsQueueEveryTime() {
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        var supervisorCaller = newAgent("supervisor", team);
        var supervisor = agents.signedIn(new dev.casekeeper.agents.AgentId(supervisorCaller.id()))
                .orElseThrow();
        var created = agent.api()
                .post(
                        "/api/v1/cases",
                        java.util.Map.of(
                                "subject",
                                "Gender on the account form",
                                "teamId",
                                team,
                                "requester",
                                java.util.Map.of(
                                        "email",
                                        "successful-" + UUID.randomUUID() + "@example.com",
                                        "name",
                                        "Successful Jones"),
                                "message",
                                java.util.Map.of(
                                        "body", "This is a f***ing joke, you changed my gender to male AGAIN!!!")));
        var caseId = new CaseId(UUID.fromString(created.json().get("id").asString()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> agent.api()
                        .get("/api/v1/cases/" + caseId.value() + "/frustration")
                        .json()
                        .get("heated")
                        .asBoolean());
        assertThat(supervisorRequests.latestOf(caseId)).isEmpty();

        agent.api()
                .post(
                        "/api/v1/cases/" + caseId.value() + "/messages",
                        java.util.Map.of("body", "I want to talk to someone who will actually help me"));

        var request = await().atMost(Duration.ofSeconds(20))
                .until(() -> supervisorRequests.latestOf(caseId), r -> r.isPresent())
                .orElseThrow();
        assertThat(request.open()).isTrue();
        assertThat(request.source()).isEqualTo("message");
        assertThat(notifications.inbox(supervisor, null, 50).page().items().stream()
                        .filter(n -> n.kind().equals(SupervisorRequests.NOTIFICATION)
                                && caseId.value().equals(n.caseId())))
                .hasSize(1);

        supervisorRequests.take(request.id(), supervisor);
        agent.api()
                .post(
                        "/api/v1/cases/" + caseId.value() + "/messages",
                        java.util.Map.of("body", "Is there someone higher up I can speak to? This is going nowhere."));

        var second = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> supervisorRequests.latestOf(caseId),
                        r -> r.isPresent() && r.get().open())
                .orElseThrow();
        assertThat(second.id()).isNotEqualTo(request.id());
    }

    @Test
    void theSameMessageDeliveredAgainOpensNoSecondRequestEvenAfterTheFirstWasTaken() {
        var team = given.team();
        var supervisor = supervisorOf(team);
        var caseId = given.openCase(team, Priority.NORMAL);
        var message = UUID.randomUUID();

        // What the listener does with each delivery of SupervisorAskedFor(caseId, message, false).
        var first = requests.fromMessage(caseId, message, true);
        supervisorRequests.take(first.id(), supervisor);
        var again = requests.fromMessage(caseId, message, true);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(supervisorRequests.latestOf(caseId).orElseThrow().id()).isEqualTo(first.id());
        assertThat(supervisorRequests.open(supervisor))
                .extracting(SupervisorRequest::caseId)
                .doesNotContain(caseId);
    }

    /** Issue 15, item 9: a supervisor who owns the case and answers the customer has the request; it leaves the queue. */
    @Test
    void aSupervisorWhoAnswersTheCustomerHasTakenTheRequest() {
        var team = given.team();
        var supervisor = supervisorOf(team);
        var caseId = given.openCase(team, Priority.NORMAL);
        var request = supervisorRequests.request(caseId, "widget", Actor.SYSTEM);

        cases.reply(
                caseId,
                "I'm Sam, the team's supervisor. I have your case now and will sort out the key today.",
                null,
                supervisor);

        var taken = await().atMost(Duration.ofSeconds(20))
                .until(() -> supervisorRequests.latestOf(caseId).orElseThrow(), r -> !r.open());
        assertThat(taken.id()).isEqualTo(request.id());
        assertThat(taken.takenBy()).isEqualTo(supervisor.id());
        assertThat(supervisorRequests.open(supervisor))
                .extracting(SupervisorRequest::caseId)
                .doesNotContain(caseId);
        assertThat(lookup.detail(caseId).timeline().stream()
                        .filter(e -> e.event() instanceof TimelineEvent.SupervisorJoined))
                .hasSize(1);
    }

    @Test
    void anAgentWhoOwnsOrAnswersTheCaseLeavesTheRequestWaitingForASupervisor() {
        var team = given.team();
        var agent = given.agent(team, 3);
        var caseId = given.openCase(team, Priority.NORMAL);
        var request = supervisorRequests.request(caseId, "widget", Actor.SYSTEM);

        // What the listeners do when the agent is assigned the case or replies.
        requests.honouredBy(caseId, agent);

        assertThat(supervisorRequests.latestOf(caseId).orElseThrow()).satisfies(r -> {
            assertThat(r.id()).isEqualTo(request.id());
            assertThat(r.open()).isTrue();
        });
    }
}
