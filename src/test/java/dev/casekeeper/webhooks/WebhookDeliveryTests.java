package dev.casekeeper.webhooks;

import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.ApiTestBase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outgoing webhooks over real HTTP to a real local receiver: a subscribed event arrives signed so
 * the documented check accepts it and refuses a tampered or re-timed copy; events of other teams
 * and types are not sent; a delivery can be sent again by hand with the same ids; bad input is a
 * clear problem and adds nothing.
 */
class WebhookDeliveryTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonNode subscribe(WebhookReceiver receiver, UUID team, String... types) {
        var created = admin().post(
                        "/api/v1/webhooks",
                        Map.of(
                                "name",
                                "Order system " + UUID.randomUUID(),
                                "url",
                                receiver.url(),
                                "eventTypes",
                                List.of(types),
                                "teamId",
                                team));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static JsonNode json(WebhookReceiver.Received request) {
        return JSON.readTree(request.text());
    }

    @Test
    void aSubscribedEventArrivesSignedAndTheDocumentedCheckRefusesATamperedOrRetimedCopy() throws Exception {
        var team = newTeam();
        try (var receiver = WebhookReceiver.start()) {
            var created = subscribe(receiver, team, "case.opened");
            String secret = created.get("secret").asString();
            String webhookId = created.get("webhook").get("id").asString();

            var caseId = openCase(admin(), team, "The wrong size arrived");

            var request = await().atMost(WAIT)
                    .until(
                            () -> receiver.received().stream()
                                    .filter(r -> r.text().contains(caseId.toString()))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            var event = json(request);
            assertThat(event.get("type").asString()).isEqualTo("case.opened");
            assertThat(event.get("data").get("caseId").asString()).isEqualTo(caseId.toString());
            assertThat(event.get("data").get("teamId").asString()).isEqualTo(team.toString());
            assertThat(event.get("data").get("number").asLong()).isPositive();
            assertThat(request.header("Casekeeper-Event")).isEqualTo("case.opened");
            assertThat(request.header("Casekeeper-Event-Id"))
                    .isEqualTo(event.get("id").asString());

            long timestamp = Long.parseLong(request.header("Casekeeper-Timestamp"));
            String signature = request.header("Casekeeper-Signature");
            assertThat(WebhookSignature.verify(secret, timestamp, request.body(), signature))
                    .isTrue();
            var tampered = request.text().replace("case.opened", "case.closed").getBytes(StandardCharsets.UTF_8);
            assertThat(WebhookSignature.verify(secret, timestamp, tampered, signature))
                    .isFalse();
            assertThat(WebhookSignature.verify(secret, timestamp + 600, request.body(), signature))
                    .isFalse();
            assertThat(WebhookSignature.verify("another secret", timestamp, request.body(), signature))
                    .isFalse();

            await().atMost(WAIT).untilAsserted(() -> {
                var log = admin().get("/api/v1/webhooks/" + webhookId + "/deliveries")
                        .json()
                        .get("items");
                assertThat(log).singleElement().satisfies(d -> {
                    assertThat(d.get("state").asString()).isEqualTo("delivered");
                    assertThat(d.get("lastStatus").asInt()).isEqualTo(200);
                    assertThat(d.get("attemptCount").asInt()).isEqualTo(1);
                });
            });
        }
    }

    @Test
    void eventsOfAnotherTeamOrOfATypeNotChosenAreNotSent() throws Exception {
        var team = newTeam();
        var otherTeam = newTeam();
        try (var receiver = WebhookReceiver.start()) {
            var created = subscribe(receiver, team, "case.status_changed");
            String webhookId = created.get("webhook").get("id").asString();

            var elsewhere = openCase(admin(), otherTeam, "Not for this webhook");
            assertThat(admin().patch("/api/v1/cases/" + elsewhere, Map.of("status", "pending"))
                            .status())
                    .isEqualTo(200);
            var ours = openCase(admin(), team, "Refund still missing");
            assertThat(admin().patch("/api/v1/cases/" + ours, Map.of("status", "pending"))
                            .status())
                    .isEqualTo(200);

            await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
            var event = json(receiver.received().getFirst());
            assertThat(event.get("type").asString()).isEqualTo("case.status_changed");
            assertThat(event.get("data").get("caseId").asString()).isEqualTo(ours.toString());
            assertThat(event.get("data").get("to").asString()).isEqualTo("pending");
            // Deliveries are written with the change itself: the log is complete once the calls returned.
            assertThat(admin().get("/api/v1/webhooks/" + webhookId + "/deliveries")
                            .json()
                            .get("items"))
                    .hasSize(1);
        }
    }

    @Test
    void aDeliverySentAgainByHandCarriesTheSameIdsAndBody() throws Exception {
        var team = newTeam();
        try (var receiver = WebhookReceiver.start()) {
            String webhookId = subscribe(receiver, team, "case.opened")
                    .get("webhook")
                    .get("id")
                    .asString();
            openCase(admin(), team, "Activation key lost");
            await().atMost(WAIT).until(() -> receiver.received().size() == 1);
            var first = receiver.received().getFirst();
            String deliveryId = first.header("Casekeeper-Webhook-Id");

            var again = admin().post(
                            "/api/v1/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/redelivery", Map.of());

            assertThat(again.status()).as(again.toString()).isEqualTo(202);
            await().atMost(WAIT).until(() -> receiver.received().size() == 2);
            var second = receiver.received().get(1);
            assertThat(second.header("Casekeeper-Webhook-Id")).isEqualTo(deliveryId);
            assertThat(second.text()).isEqualTo(first.text());
            await().atMost(WAIT).untilAsserted(() -> {
                var delivery = admin().get("/api/v1/webhooks/" + webhookId + "/deliveries/" + deliveryId)
                        .json();
                assertThat(delivery.get("attempts")).hasSize(2);
                assertThat(delivery.get("body").asString()).isEqualTo(first.text());
            });
        }
    }

    @Test
    void aTestEventReachesTheReceiverWhateverTheSubscriptionChose() throws Exception {
        var team = newTeam();
        try (var receiver = WebhookReceiver.start()) {
            String webhookId = subscribe(receiver, team, "case.reply_sent")
                    .get("webhook")
                    .get("id")
                    .asString();

            assertThat(admin().post("/api/v1/webhooks/" + webhookId + "/test", Map.of())
                            .status())
                    .isEqualTo(202);

            await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
            assertThat(json(receiver.received().getFirst()).get("type").asString())
                    .isEqualTo("webhook.test");
        }
    }

    @Test
    void badSubscriptionsAreRefusedFieldByFieldAndAddNothing() {
        int before = admin().get("/api/v1/webhooks").json().size();

        refusedNaming(
                admin().post(
                                "/api/v1/webhooks",
                                Map.of(
                                        "name",
                                        "FTP",
                                        "url",
                                        "ftp://example.com/x",
                                        "eventTypes",
                                        List.of("case.opened"))),
                "url");
        refusedNaming(
                admin().post(
                                "/api/v1/webhooks",
                                Map.of(
                                        "name",
                                        "No events",
                                        "url",
                                        "https://example.com/hooks",
                                        "eventTypes",
                                        List.of())),
                "eventTypes");
        refusedNaming(
                admin().post(
                                "/api/v1/webhooks",
                                Map.of(
                                        "name",
                                        "Typo",
                                        "url",
                                        "https://example.com/hooks",
                                        "eventTypes",
                                        List.of("case.opend"))),
                "eventTypes");
        refusedNaming(
                admin().post(
                                "/api/v1/webhooks",
                                Map.of(
                                        "name",
                                        "Metadata",
                                        "url",
                                        "http://169.254.169.254/latest",
                                        "eventTypes",
                                        List.of("case.opened"))),
                "url");
        refusedNaming(
                admin().post(
                                "/api/v1/webhooks",
                                Map.of(
                                        "name",
                                        "Nobody's team",
                                        "url",
                                        "https://example.com/hooks",
                                        "eventTypes",
                                        List.of("case.opened"),
                                        "teamId",
                                        UUID.randomUUID())),
                "teamId");

        assertThat(admin().get("/api/v1/webhooks").json().size()).isEqualTo(before);
    }

    private static void refusedNaming(dev.casekeeper.support.Api.Response refused, String field) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(fieldsNamed(refused)).containsExactly(field);
    }

    @Test
    void agentsAndSupervisorsMayNotSeeOrAddWebhooks() {
        var agent = newAgent("agent").api();
        var supervisor = newAgent("supervisor").api();
        var body = Map.of("name", "Sneaky", "url", "https://example.com/hooks", "eventTypes", List.of("case.opened"));

        assertThat(agent.get("/api/v1/webhooks").status()).isEqualTo(403);
        assertThat(agent.post("/api/v1/webhooks", body).status()).isEqualTo(403);
        assertThat(supervisor.post("/api/v1/webhooks", body).status()).isEqualTo(403);
        assertThat(anonymous().get("/api/v1/webhooks").status()).isEqualTo(401);
    }
}
