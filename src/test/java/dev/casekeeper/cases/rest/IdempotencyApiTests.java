package dev.casekeeper.cases.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.Concurrently;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on opening a case: a repeat returns the first case and creates nothing, however it arrives. */
class IdempotencyApiTests extends CasesApiTestBase {

    @Test
    void aRepeatWithTheSameKeyReturnsTheFirstCaseAndCreatesNothing() {
        var agent = newAgent("agent");
        var api = agent.api().with("Idempotency-Key", UUID.randomUUID().toString());
        var kase = aCase();

        var first = api.post("/api/v1/cases", kase.body());
        var repeat = api.post("/api/v1/cases", kase.body());

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(201);
        assertThat(repeat.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(repeat.json().get("number")).isEqualTo(first.json().get("number"));
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(casesOf(agent.api(), first.json())).isEqualTo(1);
        assertThat(timeline(agent.api(), idOf(first.json()))).hasSize(1);
    }

    @Test
    void theSameKeyWithADifferentRequestIsRefusedAndCreatesNothing() {
        var agent = newAgent("agent");
        var api = agent.api().with("Idempotency-Key", UUID.randomUUID().toString());
        var first = open(api, aCase());
        var other = aCase().subject("Another problem entirely");

        var refused = api.post("/api/v1/cases", other.body());

        assertProblem(refused, 422, "idempotency-key-reused");
        var customers = agent.api()
                .get("/api/v1/customers?q=" + encode(other.requesterEmail()))
                .json()
                .get("items");
        assertThat(customers.values())
                .as("no customer was created for the refused request")
                .isEmpty();
        assertThat(casesOf(agent.api(), first)).isEqualTo(1);
    }

    @Test
    void tenRequestsWithTheSameKeyAtTheSameMomentOpenOneCase() throws Exception {
        var agent = newAgent("agent");
        var api = agent.api().with("Idempotency-Key", UUID.randomUUID().toString());
        var kase = aCase();

        var responses = Concurrently.run(10, () -> api.post("/api/v1/cases", kase.body()));

        assertThat(responses).extracting(Api.Response::status).containsOnly(201);
        assertThat(responses)
                .extracting(r -> r.json().get("id").asString())
                .containsOnly(idOf(responses.getFirst().json()));
        assertThat(casesOf(agent.api(), responses.getFirst().json())).isEqualTo(1);
    }

    @Test
    void withoutAKeyEveryRequestOpensACase() {
        var agent = newAgent("agent");
        var kase = aCase();

        var first = open(agent.api(), kase);
        var second = open(agent.api(), kase);

        assertThat(second.get("id")).isNotEqualTo(first.get("id"));
        assertThat(casesOf(agent.api(), first)).isEqualTo(2);
    }

    @Test
    void differentKeysOpenDifferentCases() {
        var agent = newAgent("agent");
        var kase = aCase();

        var first = open(agent.api().with("Idempotency-Key", UUID.randomUUID().toString()), kase);
        var second = open(agent.api().with("Idempotency-Key", UUID.randomUUID().toString()), kase);

        assertThat(second.get("id")).isNotEqualTo(first.get("id"));
    }

    @Test
    void aKeyBelongsToTheAgentWhoSentIt() {
        var maria = newAgent("agent");
        var priya = newAgent("agent");
        String key = UUID.randomUUID().toString();
        var kase = aCase();

        var mine = open(maria.api().with("Idempotency-Key", key), kase);
        var theirs = open(priya.api().with("Idempotency-Key", key), kase);

        assertThat(theirs.get("id")).isNotEqualTo(mine.get("id"));
    }

    @Test
    void aRefusedRequestDoesNotUseUpItsKey() {
        var agent = newAgent("agent");
        var api = agent.api().with("Idempotency-Key", UUID.randomUUID().toString());

        var refused = api.post("/api/v1/cases", aCase().team(UUID.randomUUID()).body());
        var corrected = api.post("/api/v1/cases", aCase().body());

        assertProblem(refused, 400, "invalid-input");
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
    }

    @Test
    void refusesAKeyLongerThanTwoHundredFiftyFiveCharactersNamingIt() {
        var agent = newAgent("agent");
        var kase = aCase();

        var refused = agent.api().with("Idempotency-Key", "k".repeat(256)).post("/api/v1/cases", kase.body());

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("Idempotency-Key");
        assertThat(agent.api()
                        .get("/api/v1/customers?q=" + encode(kase.requesterEmail()))
                        .json()
                        .get("items")
                        .values())
                .isEmpty();
    }

    /** How many cases the requester of this case has. */
    private static int casesOf(Api api, tools.jackson.databind.JsonNode kase) {
        return ids(api.get(
                        "/api/v1/cases?requesterId=" + kase.get("requesterId").asString()))
                .size();
    }
}
