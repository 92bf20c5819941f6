package dev.casekeeper.counter.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.ErasureManagement;
import dev.casekeeper.routing.LiveContactManagement;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The walk-in counter over real HTTP: admins set up a location and its reasons, tickets are numbered
 * per location and day, agents at desks call them (routing picks by team and skills, longest wait),
 * serve, transfer, mark no-shows and end; each ticket is a case on the counter channel with its steps
 * on the timeline. And what the API refuses.
 */
class CounterApiTests extends ApiTestBase {

    @Autowired
    private ErasureManagement erasures;

    @Autowired
    private LiveContactManagement liveContacts;

    /** A location with one reason, served by the team: the location's JSON. */
    private JsonNode location(UUID team, String code, List<String> skills) {
        var slug = "store-" + UUID.randomUUID().toString().substring(0, 8);
        var created = admin().post(
                        "/api/v1/counter/locations",
                        Map.of("name", "Department store " + slug, "slug", slug, "zone", "America/Chicago"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var id = created.json().get("id").asString();
        var reason = admin().post(
                        "/api/v1/counter/locations/" + id + "/reasons",
                        Map.of("label", "Returns", "code", code, "teamId", team, "skills", skills));
        assertThat(reason.status()).as(reason.toString()).isEqualTo(201);
        return admin().get("/api/v1/counter/locations/" + id).json();
    }

    private static JsonNode take(Api as, JsonNode location, String firstName, Map<String, Object> more) {
        var body = new java.util.HashMap<String, Object>(more);
        body.put("firstName", firstName);
        body.put("reasonId", location.get("reasons").get(0).get("id").asString());
        var taken = as.post("/api/v1/counter/locations/" + location.get("id").asString() + "/tickets", body);
        assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
        return taken.json();
    }

    private static void sit(Api as, JsonNode location, String desk) {
        var seated = as.send(
                "PUT",
                "/api/v1/counter/desk",
                Map.of("locationId", location.get("id").asString(), "desk", desk));
        assertThat(seated.status()).as(seated.toString()).isEqualTo(200);
    }

    private static List<String> eventTypes(Api as, String caseId) {
        return as.get("/api/v1/cases/" + caseId)
                .json()
                .get("timeline")
                .valueStream()
                .filter(e -> e.has("eventType") && !e.get("eventType").isNull())
                .map(e -> e.get("eventType").asString())
                .toList();
    }

    @Test
    void ticketsAreNumberedPerLocationAndReasonAndQueueAsCounterCases() {
        var team = newTeam();
        var greeter = newAgent("agent", team);
        var store = location(team, "R", List.of());
        var other = location(team, "R", List.of());

        var first =
                take(greeter.api(), store, "Janelle", Map.of("email", "janelle-" + UUID.randomUUID() + "@example.com"));
        var second = take(greeter.api(), store, "Deon", Map.of());
        var elsewhere = take(greeter.api(), other, "Rhonda", Map.of());

        assertThat(first.get("number").asString()).isEqualTo("R-001");
        assertThat(second.get("number").asString()).isEqualTo("R-002");
        assertThat(elsewhere.get("number").asString()).isEqualTo("R-001");
        assertThat(first.get("position").asInt()).isEqualTo(1);
        assertThat(second.get("position").asInt()).isEqualTo(2);
        assertThat(second.get("estimatedWaitSeconds").asLong()).isPositive();
        var kase = greeter.api()
                .get("/api/v1/cases/" + first.get("caseId").asString())
                .json();
        assertThat(kase.get("channel").asString()).isEqualTo("counter");
        assertThat(kase.get("teamId").asString()).isEqualTo(team.toString());
        assertThat(eventTypes(greeter.api(), first.get("caseId").asString())).contains("counter_ticket_taken");
        var board = greeter.api()
                .get("/api/v1/counter/locations/" + store.get("id").asString() + "/board")
                .json();
        assertThat(board.get("next").valueStream().map(JsonNode::asString)).containsExactly("R-001", "R-002");
        assertThat(board.get("waits").get(0).get("waiting").asInt()).isEqualTo(2);
    }

    @Test
    void erasingAWalkInsDataBlanksHerNameAddressAndNumberOnHerTicket() {
        var team = newTeam();
        var greeter = newAgent("agent", team);
        var store = location(team, "R", List.of());
        var email = "janelle-" + UUID.randomUUID() + "@example.com";
        var ticket = take(greeter.api(), store, "Janelle", Map.of("email", email, "phone", "+15557650123"));
        take(greeter.api(), store, "Deon", Map.of());
        var customer = new CustomerId(UUID.fromString(ticket.get("customerId").asString()));

        var request = erasures.request(customer, Actor.customer(customer.value()));
        var approved = erasures.approve(
                request.id(), null, Actor.agent(newAgent("supervisor").id()));

        var line = admin().get("/api/v1/counter/locations/" + store.get("id").asString() + "/tickets")
                .json();
        assertThat(line.valueStream().map(t -> t.get("firstName").asString())).containsExactly("(erased)", "Deon");
        var erased = line.get(0);
        assertThat(erased.get("number").asString())
                .as("her place in line stays")
                .isEqualTo("R-001");
        assertThat(erased.get("email").isNull()).isTrue();
        assertThat(erased.get("phone").isNull()).isTrue();
        assertThat(approved.outcome()).containsEntry("counterTickets", 1);
    }

    @Test
    void anAgentAtADeskCallsTheLongestWaitingTicketServesAndEndsIt() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var store = location(team, "R", List.of());
        var first = take(agent.api(), store, "Janelle", Map.of());
        take(agent.api(), store, "Deon", Map.of());
        sit(agent.api(), store, "Desk 3");

        var called = agent.api().post("/api/v1/counter/desk/next", null);

        assertThat(called.status()).as(called.toString()).isEqualTo(200);
        assertThat(called.json().get("number").asString()).isEqualTo("R-001");
        assertThat(called.json().get("state").asString()).isEqualTo("called");
        assertThat(called.json().get("desk").asString()).isEqualTo("Desk 3");
        var board = agent.api()
                .get("/api/v1/counter/locations/" + store.get("id").asString() + "/board")
                .json();
        assertThat(board.get("serving").get(0).get("number").asString()).isEqualTo("R-001");
        assertThat(board.get("serving").get(0).get("desk").asString()).isEqualTo("Desk 3");
        assertThat(board.get("next").valueStream().map(JsonNode::asString)).containsExactly("R-002");
        assertProblem(agent.api().post("/api/v1/counter/desk/next", null), 409, "ticket-open");

        var ticket = "/api/v1/counter/tickets/" + first.get("id").asString();
        assertThat(agent.api().post(ticket + "/serve", null).json().get("state").asString())
                .isEqualTo("serving");
        assertThat(agent.api().post(ticket + "/end", null).json().get("state").asString())
                .isEqualTo("ended");

        var caseId = first.get("caseId").asString();
        assertThat(eventTypes(agent.api(), caseId))
                .containsSubsequence("counter_ticket_taken", "counter_called", "counter_served", "contact_ended");
        assertThat(agent.api()
                        .get("/api/v1/cases/" + caseId)
                        .json()
                        .get("ownerId")
                        .asString())
                .isEqualTo(agent.id().toString());
    }

    @Test
    void routingGivesADeskOnlyTicketsOfItsTeamsAndSkills() {
        var returns = newTeam();
        var orders = newTeam();
        var agent = newAgent("agent", returns);
        var store = location(orders, "O", List.of());
        take(agent.api(), store, "Rhonda", Map.of());
        sit(agent.api(), store, "Desk 1");

        assertThat(agent.api().post("/api/v1/counter/desk/next", null).status()).isEqualTo(204);

        var skilled = location(returns, "S", List.of("tailoring"));
        take(agent.api(), skilled, "Maria", Map.of());
        sit(agent.api(), skilled, "Desk 1");
        assertThat(agent.api().post("/api/v1/counter/desk/next", null).status()).isEqualTo(204);

        var supervisor = newAgent("supervisor");
        var set =
                supervisor.api().patch("/api/v1/routing/agents/" + agent.id(), Map.of("skills", List.of("tailoring")));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(agent.api()
                        .post("/api/v1/counter/desk/next", null)
                        .json()
                        .get("number")
                        .asString())
                .isEqualTo("S-001");
    }

    @Test
    void aNoShowWaitsForTheGracePeriodAndCountsAsAbandonedWithACallback() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var store = location(team, "R", List.of());
        var taken = take(agent.api(), store, "Deon", Map.of("phone", "+1 555 0193"));
        sit(agent.api(), store, "Desk 1");
        agent.api().post("/api/v1/counter/desk/next", null);
        var noShow = "/api/v1/counter/tickets/" + taken.get("id").asString() + "/no-show";

        assertProblem(agent.api().post(noShow, null), 409, "grace-period");

        var marked = await().atMost(Duration.ofSeconds(10))
                .until(() -> agent.api().post(noShow, null), r -> r.status() == 200);
        assertThat(marked.json().get("state").asString()).isEqualTo("no_show");
        assertThat(eventTypes(agent.api(), taken.get("caseId").asString())).contains("counter_no_show");
        // Among the abandoned contacts of the supervisors, with the team's callback to the number she left.
        var abandoned =
                newAgent("supervisor").api().get("/api/v1/routing/abandoned").json();
        assertThat(abandoned
                        .valueStream()
                        .filter(a -> a.get("caseId")
                                .asString()
                                .equals(taken.get("caseId").asString())))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.get("channel").asString()).isEqualTo("counter");
                    assertThat(a.get("callbackPhone").asString()).isEqualTo("+1 555 0193");
                });
    }

    @Test
    void aTransferToATeamPutsTheTicketBackInLineWithTheHandover() {
        var team = newTeam();
        var other = newTeam();
        var agent = newAgent("agent", team);
        var colleague = newAgent("agent", other);
        var store = location(team, "R", List.of());
        var taken = take(agent.api(), store, "Janelle", Map.of());
        sit(agent.api(), store, "Desk 1");
        agent.api().post("/api/v1/counter/desk/next", null);
        var transfer = "/api/v1/counter/tickets/" + taken.get("id").asString() + "/transfer";

        var refused = agent.api().post(transfer, Map.of("toTeamId", other, "reason", "Exchange"));
        assertProblem(refused, 400, "invalid-input");

        var moved = agent.api()
                .post(
                        transfer,
                        Map.of(
                                "toTeamId",
                                other,
                                "reason",
                                "Exchange of a curtain",
                                "summary",
                                "Wrong colour, bought last week"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("state").asString()).isEqualTo("waiting");
        // The case went with the ticket: the first agent's team no longer sees it.
        assertThat(admin().get("/api/v1/cases/" + taken.get("caseId").asString())
                        .json()
                        .get("teamId")
                        .asString())
                .isEqualTo(other.toString());
        sit(colleague.api(), store, "Desk 2");
        assertThat(colleague
                        .api()
                        .post("/api/v1/counter/desk/next", null)
                        .json()
                        .get("number")
                        .asString())
                .isEqualTo("R-001");
    }

    @Test
    void aTransferToADeskIsCalledByThatDeskFirst() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var colleague = newAgent("agent", team);
        var store = location(team, "R", List.of());
        var first = take(agent.api(), store, "Janelle", Map.of());
        take(agent.api(), store, "Deon", Map.of());
        sit(agent.api(), store, "Desk 1");
        sit(colleague.api(), store, "Desk 2");
        agent.api().post("/api/v1/counter/desk/next", null);

        var moved = agent.api()
                .post(
                        "/api/v1/counter/tickets/" + first.get("id").asString() + "/transfer",
                        Map.of("toDesk", "Desk 2", "reason", "Tailoring", "summary", "Hem the trousers"));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("forDesk").asString()).isEqualTo("Desk 2");
        assertThat(colleague
                        .api()
                        .post("/api/v1/counter/desk/next", null)
                        .json()
                        .get("number")
                        .asString())
                .isEqualTo("R-001");
    }

    @Test
    void aTransferToADeskCountsAsATransferOfTheContactItsNextAgentSees() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var colleague = newAgent("agent", team);
        var store = location(team, "R", List.of());
        var first = take(agent.api(), store, "Janelle", Map.of());
        sit(agent.api(), store, "Desk 1");
        sit(colleague.api(), store, "Desk 2");
        agent.api().post("/api/v1/counter/desk/next", null);

        var moved = agent.api()
                .post(
                        "/api/v1/counter/tickets/" + first.get("id").asString() + "/transfer",
                        Map.of("toDesk", "Desk 2", "reason", "Tailoring", "summary", "Hem the trousers"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);

        var waiting = colleague
                .api()
                .get("/api/v1/routing/teams/" + team + "/queue")
                .json()
                .get("contacts")
                .valueStream()
                .filter(c ->
                        c.get("caseId").asString().equals(first.get("caseId").asString()))
                .findFirst()
                .orElseThrow();
        colleague.api().post("/api/v1/counter/desk/next", null);
        var live = colleague
                .api()
                .get("/api/v1/routing/contacts/" + waiting.get("id").asString() + "/live");
        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        assertThat(live.json().get("transfers").asInt()).isEqualTo(1);
        assertThat(liveContacts.transfersOfCase(
                        new CaseId(UUID.fromString(first.get("caseId").asString()))))
                .isEqualTo(1);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        var team = newTeam();
        var agent = newAgent("agent", team);

        var badLocation = admin().post(
                        "/api/v1/counter/locations", Map.of("name", " ", "slug", "Not A Slug", "zone", "Mars/Base"));
        assertProblem(badLocation, 400, "invalid-input");
        assertThat(fieldsNamed(badLocation)).containsExactly("name", "slug", "zone");

        var store = location(team, "R", List.of());
        var id = store.get("id").asString();
        assertProblem(
                admin().post(
                                "/api/v1/counter/locations/" + id + "/reasons",
                                Map.of("label", "Returns", "code", "X", "teamId", team)),
                409,
                "reason-taken");
        var badTicket = agent.api()
                .post("/api/v1/counter/locations/" + id + "/tickets", Map.of("firstName", "", "email", "nope"));
        assertProblem(badTicket, 400, "invalid-input");
        assertThat(fieldsNamed(badTicket)).contains("firstName", "reasonId");
        assertThat(agent.api()
                        .get("/api/v1/counter/locations/" + id + "/tickets")
                        .json()
                        .size())
                .isZero();
        assertProblem(agent.api().post("/api/v1/counter/desk/next", null), 409, "not-seated");
    }

    @Test
    void onlyAdminsSetUpLocationsAndOnlyTheCallingAgentActsOnATicket() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        assertProblem(
                agent.api().post("/api/v1/counter/locations", Map.of("name", "X", "slug", "x-" + UUID.randomUUID())),
                403,
                "forbidden");
        assertProblem(
                supervisor
                        .api()
                        .post("/api/v1/counter/locations", Map.of("name", "X", "slug", "x-" + UUID.randomUUID())),
                403,
                "forbidden");

        var store = location(team, "R", List.of());
        var taken = take(agent.api(), store, "Janelle", Map.of());
        sit(agent.api(), store, "Desk 1");
        agent.api().post("/api/v1/counter/desk/next", null);

        assertThat(supervisor
                        .api()
                        .post("/api/v1/counter/tickets/" + taken.get("id").asString() + "/end", null)
                        .status())
                .isEqualTo(404);
        assertProblem(anonymous().get("/api/v1/counter/locations"), 401, "unauthorized");
    }
}
