package dev.casekeeper.cases.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseLifecycleApiTests extends ApiTestBase {

    @Test
    void opensCaseForUnknownRequesterAndShowsItInTheTimeline() {
        var agent = newAgent("agent");
        var created = agent.api()
                .post(
                        "/api/v1/cases",
                        Map.of(
                                "subject", "Activation key lost",
                                "requester", Map.of("email", "Paula.Key@Example.com", "name", "Paula"),
                                "message", Map.of("body", "I reinstalled and the key is gone.")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("new");
        assertThat(created.json().get("number").asLong()).isGreaterThanOrEqualTo(1001);
        var detail = agent.api().get("/api/v1/cases/" + created.json().get("id").asString());
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().get("timeline").get(0).get("body").asString())
                .isEqualTo("I reinstalled and the key is gone.");
        assertThat(detail.json().get("timeline").get(0).get("authorKind").asString())
                .isEqualTo("customer");
    }

    @Test
    void refusesCallsWithoutToken() {
        var response = anonymous().get("/api/v1/cases");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
}
