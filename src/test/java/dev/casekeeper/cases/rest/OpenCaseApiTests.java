package dev.casekeeper.cases.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.Concurrently;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class OpenCaseApiTests extends CasesApiTestBase {

    @Test
    void opensANewCaseWithANumberAndNoOwnerYet() {
        var agent = newAgent("agent");

        var created = agent.api()
                .post(
                        "/api/v1/cases",
                        aCase().subject("  Activation key lost  ").body());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var kase = created.json();
        assertThat(created.header("Location")).endsWith("/api/v1/cases/" + idOf(kase));
        assertThat(kase.get("number").asLong()).isGreaterThanOrEqualTo(1001);
        assertThat(kase.get("subject").asString()).isEqualTo("Activation key lost");
        assertThat(kase.get("status").asString()).isEqualTo("new");
        assertThat(kase.get("priority").asString()).isEqualTo("normal");
        assertThat(kase.get("channel").asString()).isEqualTo("api");
        assertThat(kase.get("tags").values()).isEmpty();
        assertThat(kase.get("ownerId").isNull()).isTrue();
        assertThat(kase.get("teamId").isNull()).isTrue();
        assertThat(kase.get("firstResponseAt").isNull()).isTrue();
        assertThat(kase.get("createdAt").asString()).isNotBlank();
    }

    @Test
    void answersWithTheCaseAsItIsStored() {
        var agent = newAgent("agent");

        var opened = open(agent.api(), aCase().priority("high").tags("license"));

        var stored = read(agent.api(), idOf(opened));
        for (String field : List.of(
                "id", "number", "subject", "requesterId", "status", "priority", "tags", "createdAt", "updatedAt")) {
            assertThat(stored.get(field)).as(field).isEqualTo(opened.get(field));
        }
    }

    @Test
    void numbersEachNewCaseAfterTheOneBefore() {
        var agent = newAgent("agent");

        var numbers = IntStream.range(0, 4)
                .mapToObj(i -> open(agent.api(), aCase()).get("number").asLong())
                .toList();

        assertThat(numbers).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void givesCasesOpenedAtTheSameMomentDifferentNumbers() throws Exception {
        var agent = newAgent("agent");

        var responses = Concurrently.run(8, () -> agent.api().post("/api/v1/cases", aCase().body()));

        assertThat(responses).extracting(Api.Response::status).containsOnly(201);
        assertThat(responses).extracting(r -> r.json().get("number").asLong()).doesNotHaveDuplicates();
        assertThat(responses).extracting(r -> r.json().get("id").asString()).doesNotHaveDuplicates();
    }

    @Test
    void createsTheCustomerForARequesterEmailNobodyHas() {
        var agent = newAgent("agent");
        String email = "Paula.Key-" + UUID.randomUUID() + "@Example.COM";

        var kase = open(agent.api(), aCase().from(email, "Paula Key"));

        var customer =
                agent.api().get("/api/v1/customers/" + kase.get("requesterId").asString());
        assertThat(customer.status()).as(customer.toString()).isEqualTo(200);
        assertThat(customer.json().get("displayName").asString()).isEqualTo("Paula Key");
        assertThat(customer.json().get("emails").valueStream().map(JsonNode::asString))
                .containsExactly(email.toLowerCase());
    }

    @Test
    void reusesTheCustomerWhoHasTheRequesterEmailWrittenInAnyCase() {
        var agent = newAgent("agent");
        String email = uniqueEmail();
        var first = open(agent.api(), aCase().from(email, "Maria Lopez"));

        var second = open(agent.api(), aCase().from(email.toUpperCase(), "M. L."));

        assertThat(second.get("requesterId")).isEqualTo(first.get("requesterId"));
        var customers =
                agent.api().get("/api/v1/customers?q=" + encode(email)).json().get("items");
        assertThat(customers.size()).isEqualTo(1);
        assertThat(customers.get(0).get("displayName").asString())
                .as("the name the customer is known by stays")
                .isEqualTo("Maria Lopez");
    }

    @Test
    void reusesACustomerCreatedThroughTheCustomersApi() {
        var agent = newAgent("agent");
        String email = uniqueEmail();
        var customer =
                agent.api().post("/api/v1/customers", Map.of("displayName", "Grace Hopper", "emails", List.of(email)));
        assertThat(customer.status()).as(customer.toString()).isEqualTo(201);

        var kase = open(agent.api(), aCase().from(email));

        assertThat(kase.get("requesterId").asString())
                .isEqualTo(customer.json().get("id").asString());
    }

    @Test
    void takesPriorityChannelAndTagsWrittenAsPeopleWriteThem() {
        var agent = newAgent("agent");

        var kase = open(
                agent.api(), aCase().priority("URGENT").channel("email").tags("VIP", " license ", "vip", "order:4471"));

        assertThat(kase.get("priority").asString()).isEqualTo("urgent");
        assertThat(kase.get("channel").asString()).isEqualTo("email");
        assertThat(kase.get("tags").valueStream().map(JsonNode::asString))
                .containsExactly("vip", "license", "order:4471");
    }

    @Test
    void putsTheCaseInTheQueueOfTheTeamGiven() {
        var team = newTeam();
        var agent = newAgent("agent", team);

        var kase = open(agent.api(), aCase().team(team));

        assertThat(kase.get("teamId").asString()).isEqualTo(team.toString());
        assertThat(ids(agent.api().get("/api/v1/cases?teamId=" + team))).containsExactly(idOf(kase));
    }

    @ParameterizedTest
    @ValueSource(strings = {"subject", "requester", "message"})
    void refusesACaseWithoutARequiredPartNamingIt(String missing) {
        var agent = newAgent("agent");
        var kase = aCase().without(missing);

        var refused = agent.api().post("/api/v1/cases", kase.body());

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly(missing);
        assertNoCustomer(agent.api(), kase.requesterEmail());
    }

    @Test
    void namesEveryInvalidFieldAtOnceAndCreatesNothing() {
        var agent = newAgent("agent");
        var kase = aCase().subject("   ")
                .set("requester", Map.of("email", "paula at example dot com"))
                .set("message", Map.of("body", ""));

        var refused = agent.api().post("/api/v1/cases", kase.body());

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("message.body", "requester.email", "subject");
        assertThat(refused.json().get("detail").asString()).contains("message.body", "requester.email", "subject");
    }

    @Test
    void refusesAnEmailWithoutADomainNamingTheRequestersEmail() {
        var agent = newAgent("agent");
        var kase = aCase().from("paula-" + UUID.randomUUID() + "@localhost");

        var refused = agent.api().post("/api/v1/cases", kase.body());

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("requester.email");
        assertNoCustomer(agent.api(), kase.requesterEmail());
    }

    @Test
    void refusesASubjectLongerThanFiveHundredCharacters() {
        var agent = newAgent("agent");
        var kase = aCase().subject("x".repeat(501));

        var refused = agent.api().post("/api/v1/cases", kase.body());

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("subject");
        assertNoCustomer(agent.api(), kase.requesterEmail());
    }

    @Test
    void refusesAPriorityThatDoesNotExistNamingIt() {
        var agent = newAgent("agent");
        var kase = aCase().priority("asap");

        var refused = agent.api().post("/api/v1/cases", kase.body());

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("priority");
        assertNoCustomer(agent.api(), kase.requesterEmail());
    }

    @Test
    void refusesAChannelThatDoesNotExistNamingIt() {
        var agent = newAgent("agent");

        var refused = agent.api()
                .post("/api/v1/cases", aCase().channel("carrier pigeon").body());

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("channel");
    }

    @Test
    void refusesATagThatIsNotOneAndCreatesNothing() {
        var agent = newAgent("agent");
        var kase = aCase().tags("fine", "not a tag");

        var refused = agent.api().post("/api/v1/cases", kase.body());

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("tags");
        assertNoCustomer(agent.api(), kase.requesterEmail());
    }

    @Test
    void refusesMoreThanThirtyTags() {
        var agent = newAgent("agent");
        var tags = new ArrayList<String>();
        IntStream.rangeClosed(1, 31).forEach(i -> tags.add("t" + i));

        var refused =
                agent.api().post("/api/v1/cases", aCase().set("tags", tags).body());

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("tags");
    }

    @Test
    void refusesATeamThatDoesNotExistNamingItAndCreatesNothing() {
        var agent = newAgent("agent");
        var kase = aCase().team(UUID.randomUUID());

        var refused = agent.api().post("/api/v1/cases", kase.body());

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("teamId");
        assertNoCustomer(agent.api(), kase.requesterEmail());
    }

    @Test
    void refusesAValueOfTheWrongTypeNamingTheField() {
        var agent = newAgent("agent");

        var refused = agent.api()
                .post(
                        "/api/v1/cases",
                        aCase().set("tags", "license").set("teamId", "team-a").body());

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).hasSize(1).containsAnyOf("tags", "teamId");
    }

    @Test
    void refusesABodyThatIsNotJson() {
        var refused = newAgent("agent").api().post("/api/v1/cases", "{\"subject\": \"Activation key");

        assertProblem(refused, 400, "invalid-input");
    }

    @Test
    void refusesToOpenACaseWithoutATokenAndCreatesNothing() {
        var kase = aCase();

        var refused = anonymous().post("/api/v1/cases", kase.body());

        assertProblem(refused, 401, "unauthorized");
        assertNoCustomer(newAgent("agent").api(), kase.requesterEmail());
    }

    private static void assertNoCustomer(Api api, String email) {
        var found = api.get("/api/v1/customers?q=" + encode(email));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().get("items").values())
                .as("customers with " + email)
                .isEmpty();
    }
}
