package dev.casekeeper.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Retries in the desk's own time: a receiver that fails is tried again after growing waits, each
 * attempt in the log, until it answers; one that fails for half a day is disabled and the admins are
 * told, and its delivery waits for it to be enabled again.
 */
@MovesTime
class WebhookRetryTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private String subscribe(WebhookReceiver receiver, UUID team) {
        var created = admin().post(
                        "/api/v1/webhooks",
                        Map.of(
                                "name",
                                "Returns system " + UUID.randomUUID(),
                                "url",
                                receiver.url(),
                                "eventTypes",
                                List.of("case.opened"),
                                "teamId",
                                team));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("webhook").get("id").asString();
    }

    private JsonNode onlyDelivery(String webhookId) {
        var items = admin().get("/api/v1/webhooks/" + webhookId + "/deliveries")
                .json()
                .get("items");
        assertThat(items).hasSize(1);
        return admin().get("/api/v1/webhooks/" + webhookId + "/deliveries/"
                        + items.get(0).get("id").asString())
                .json();
    }

    @Test
    void aFailingReceiverIsTriedAgainAfterGrowingWaitsUntilItAnswers() throws Exception {
        var team = newTeam();
        try (var receiver = WebhookReceiver.start()) {
            var calls = new AtomicInteger();
            receiver.answerWith(() -> calls.incrementAndGet() <= 2 ? 500 : 200);
            String webhookId = subscribe(receiver, team);
            openCase(admin(), team, "Parcel never arrived");

            await().atMost(WAIT).until(() -> receiver.received().size() == 1);
            await().atMost(WAIT).untilAsserted(() -> {
                var delivery = onlyDelivery(webhookId);
                assertThat(delivery.get("state").asString()).isEqualTo("pending");
                assertThat(delivery.get("attempts")).hasSize(1);
            });
            // Not before its wait is over.
            TestClock.INSTANCE.advance(Duration.ofSeconds(5));
            assertThat(receiver.received()).hasSize(1);

            TestClock.INSTANCE.advance(Duration.ofSeconds(10));
            await().atMost(WAIT).until(() -> receiver.received().size() == 2);
            TestClock.INSTANCE.advance(Duration.ofSeconds(30));
            await().atMost(WAIT).until(() -> receiver.received().size() == 3);

            await().atMost(WAIT).untilAsserted(() -> {
                var delivery = onlyDelivery(webhookId);
                assertThat(delivery.get("state").asString()).isEqualTo("delivered");
                assertThat(delivery.get("attempts")
                                .valueStream()
                                .map(a -> a.get("status").asInt()))
                        .containsExactly(500, 500, 200);
            });
            assertThat(receiver.received().stream()
                            .map(r -> r.header("Casekeeper-Webhook-Id"))
                            .distinct())
                    .hasSize(1);
            var subscription = admin().get("/api/v1/webhooks/" + webhookId).json();
            assertThat(subscription.get("failures").asInt()).isZero();
        }
    }

    @Test
    void aReceiverDownForHalfADayIsDisabledAndTheAdminsAreToldAndItsDeliveryWaits() throws Exception {
        var team = newTeam();
        try (var receiver = WebhookReceiver.start()) {
            receiver.answerWith(() -> 503);
            String webhookId = subscribe(receiver, team);
            openCase(admin(), team, "Technician never came");
            await().atMost(WAIT).until(() -> receiver.received().size() == 1);

            for (int hour = 0;
                    hour < 16
                            && admin().get("/api/v1/webhooks/" + webhookId)
                                    .json()
                                    .get("enabled")
                                    .asBoolean();
                    hour++) {
                int before = receiver.received().size();
                TestClock.INSTANCE.advance(Duration.ofHours(1));
                await().atMost(WAIT)
                        .until(() -> receiver.received().size() > before
                                || !admin().get("/api/v1/webhooks/" + webhookId)
                                        .json()
                                        .get("enabled")
                                        .asBoolean());
            }

            var subscription = admin().get("/api/v1/webhooks/" + webhookId).json();
            assertThat(subscription.get("enabled").asBoolean()).isFalse();
            assertThat(subscription.get("disabledReason").asString()).contains("HTTP 503");
            var delivery = onlyDelivery(webhookId);
            assertThat(delivery.get("attempts").size()).isGreaterThan(3);
            var told = admin().get("/api/v1/notifications?limit=50").json().get("items");
            assertThat(told.valueStream()
                            .filter(n -> n.get("kind").asString().equals("webhook_disabled"))
                            .map(n -> n.get("text").asString()))
                    .anySatisfy(text ->
                            assertThat(text).contains(subscription.get("name").asString()));

            // Its delivery waits; enabled again, it goes out.
            assertThat(delivery.get("state").asString()).isEqualTo("pending");
            receiver.answerWith(() -> 200);
            assertThat(admin().patch("/api/v1/webhooks/" + webhookId, Map.of("enabled", true))
                            .status())
                    .isEqualTo(200);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(
                                    onlyDelivery(webhookId).get("state").asString())
                            .isEqualTo("delivered"));
        }
    }
}
