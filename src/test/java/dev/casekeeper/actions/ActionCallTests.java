package dev.casekeeper.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import dev.casekeeper.webhooks.WebhookSignature;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Running an action calls the company's system over real HTTP: signed like the webhooks so the
 * documented check accepts it and refuses a tampered copy, retried after growing waits in the desk's
 * own time until the system takes it, its answer recorded on the case; given up after a day, the
 * action fails and its proposer is told.
 */
@MovesTime
class ActionCallTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A refund connected to the system: the answer has the type and its secret, shown once. */
    private JsonNode connectedRefund(CompanySystem system) {
        var created = admin().post(
                        "/api/v1/action-types",
                        Map.of(
                                "name",
                                "Refund to card " + UUID.randomUUID(),
                                "kind",
                                "refund",
                                "currency",
                                "EUR",
                                "agentLimit",
                                50,
                                "supervisorLimit",
                                500,
                                "endpointUrl",
                                system.url()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("secret").asString()).startsWith("ckact_");
        assertThat(admin().get("/api/v1/action-types/"
                                + created.json().get("type").get("id").asString())
                        .text())
                .doesNotContain(created.json().get("secret").asString());
        return created.json();
    }

    private static String propose(Api as, UUID caseId, String type) {
        var proposed = as.post(
                "/api/v1/cases/" + caseId + "/actions",
                Map.of("typeId", type, "amount", 34.99, "fields", Map.of("order", "40-2215")));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        return proposed.json().get("id").asString();
    }

    @Test
    void theCallIsSignedAndRetriedUntilTheSystemTakesItAndItsAnswerIsRecorded() throws Exception {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var caseId = openCase(agent.api(), team, "Double charge on order 40-2215");
        try (var system = CompanySystem.start()) {
            var calls = new AtomicInteger();
            system.answerWith(() -> calls.incrementAndGet() <= 2 ? 503 : 200);
            var created = connectedRefund(system);
            String secret = created.get("secret").asString();
            String actionId =
                    propose(agent.api(), caseId, created.get("type").get("id").asString());

            await().atMost(WAIT).until(() -> system.received().size() == 1);
            var first = system.received().getFirst();
            long timestamp = Long.parseLong(first.header("Casekeeper-Timestamp"));
            assertThat(WebhookSignature.verify(secret, timestamp, first.body(), first.header("Casekeeper-Signature")))
                    .isTrue();
            assertThat(WebhookSignature.verify(
                            secret,
                            timestamp,
                            first.text().replace("34.99", "349.90").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            first.header("Casekeeper-Signature")))
                    .isFalse();
            var body = JSON.readTree(first.text());
            assertThat(body.get("type").asString()).isEqualTo("action.run");
            assertThat(body.get("data").get("actionId").asString()).isEqualTo(actionId);
            assertThat(body.get("data").get("amount").asString()).isEqualTo("34.99");
            assertThat(body.get("data").get("fields").get("order").asString()).isEqualTo("40-2215");
            assertThat(first.header("Casekeeper-Action-Id")).isEqualTo(actionId);

            // Running, and the case cannot be solved meanwhile.
            assertThat(agent.api()
                            .get("/api/v1/actions/" + actionId)
                            .json()
                            .get("state")
                            .asString())
                    .isEqualTo("running");
            assertThat(agent.api()
                            .patch("/api/v1/cases/" + caseId, Map.of("status", "solved"))
                            .status())
                    .isEqualTo(409);

            // Not before its wait is over; then again after growing waits.
            TestClock.INSTANCE.advance(Duration.ofSeconds(5));
            assertThat(system.received()).hasSize(1);
            TestClock.INSTANCE.advance(Duration.ofSeconds(10));
            await().atMost(WAIT).until(() -> system.received().size() == 2);
            TestClock.INSTANCE.advance(Duration.ofSeconds(30));
            await().atMost(WAIT).until(() -> system.received().size() == 3);

            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(agent.api()
                                    .get("/api/v1/actions/" + actionId)
                                    .json()
                                    .get("state")
                                    .asString())
                            .isEqualTo("done"));
            var action = agent.api().get("/api/v1/actions/" + actionId).json();
            assertThat(action.get("result").asString()).isEqualTo("Refund R-5521 issued");
            assertThat(system.received().stream()
                            .map(r -> r.header("Casekeeper-Call-Id"))
                            .distinct())
                    .hasSize(1);
            assertThat(system.received().stream()
                            .map(CompanySystem.Received::text)
                            .distinct())
                    .hasSize(1);
            var done = agent.api()
                    .get("/api/v1/cases/" + caseId)
                    .json()
                    .get("timeline")
                    .valueStream()
                    .filter(e -> "action_done".equals(e.path("eventType").asString("")))
                    .findFirst()
                    .orElseThrow();
            assertThat(done.get("data").get("result").asString()).isEqualTo("Refund R-5521 issued");
            assertThat(agent.api()
                            .patch("/api/v1/cases/" + caseId, Map.of("status", "solved"))
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aSystemThatNeverTakesTheCallForADayFailsTheActionAndTheAgentIsTold() throws Exception {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var caseId = openCase(agent.api(), team, "Refund never arrived");
        try (var system = CompanySystem.start()) {
            system.answerWith(() -> 503);
            var created = connectedRefund(system);
            String actionId =
                    propose(agent.api(), caseId, created.get("type").get("id").asString());
            await().atMost(WAIT).until(() -> system.received().size() == 1);

            TestClock.INSTANCE.advance(Duration.ofHours(25));

            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(agent.api()
                                    .get("/api/v1/actions/" + actionId)
                                    .json()
                                    .get("state")
                                    .asString())
                            .isEqualTo("failed"));
            List<String> types = agent.api()
                    .get("/api/v1/cases/" + caseId)
                    .json()
                    .get("timeline")
                    .valueStream()
                    .map(e -> e.path("eventType").asString(""))
                    .toList();
            assertThat(types).containsSubsequence("action_started", "action_failed");
            assertThat(agent.api()
                            .get("/api/v1/notifications?limit=50")
                            .json()
                            .get("items")
                            .valueStream()
                            .map(n -> n.get("kind").asString()))
                    .contains("action_failed");
            assertThat(agent.api()
                            .patch("/api/v1/cases/" + caseId, Map.of("status", "solved"))
                            .status())
                    .isEqualTo(200);
        }
    }
}
