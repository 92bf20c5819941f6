package dev.casekeeper.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.ApiTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Deliveries go out as soon as the change that caused them is saved, not at the next poll: here the
 * poll comes once an hour, so whatever arrives within the wait was sent because the commit woke the
 * sender. An event for more webhooks than a node takes at a time is sent in full, take after take;
 * a slow receiver never has more requests of a node at once than {@code concurrency}.
 */
@TestPropertySource(
        properties = {
            "casekeeper.webhooks.poll-interval=1h",
            "casekeeper.webhooks.batch-size=2",
            "casekeeper.webhooks.concurrency=4"
        })
class WebhookPromptDeliveryTests extends ApiTestBase {

    /** Far below the poll interval: what arrives within it did not wait for a poll. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final int WEBHOOKS = 5;

    private List<String> subscribe(WebhookReceiver receiver, UUID team, int count) {
        var ids = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            var created = admin().post(
                            "/api/v1/webhooks",
                            Map.of(
                                    "name",
                                    "Warehouse " + UUID.randomUUID(),
                                    "url",
                                    receiver.url(),
                                    "eventTypes",
                                    List.of("case.opened"),
                                    "teamId",
                                    team));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ids.add(created.json().get("webhook").get("id").asString());
        }
        return ids;
    }

    private static long arrivedFor(WebhookReceiver receiver, UUID caseId) {
        return receiver.received().stream()
                .filter(r -> r.text().contains(caseId.toString()))
                .count();
    }

    @Test
    void anEventForMoreWebhooksThanATakeHoldsReachesEveryOneWithoutWaitingForThePoll() throws Exception {
        var team = newTeam();
        try (var receiver = WebhookReceiver.start()) {
            subscribe(receiver, team, WEBHOOKS);

            var caseId = openCase(admin(), team, "The replacement blender is missing its lid");

            await().atMost(WAIT).until(() -> arrivedFor(receiver, caseId) == WEBHOOKS);
            assertThat(receiver.received().stream()
                            .map(r -> r.header("Casekeeper-Webhook-Id"))
                            .distinct())
                    .hasSize(WEBHOOKS);
        }
    }

    @Test
    void aDeliverySentAgainByHandGoesOutWithoutWaitingForThePoll() throws Exception {
        var team = newTeam();
        try (var receiver = WebhookReceiver.start()) {
            String webhookId = subscribe(receiver, team, 1).getFirst();
            openCase(admin(), team, "Invoice shows the wrong address");
            await().atMost(WAIT).until(() -> receiver.received().size() == 1);
            String deliveryId = receiver.received().getFirst().header("Casekeeper-Webhook-Id");

            var again = admin().post(
                            "/api/v1/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/redelivery", Map.of());

            assertThat(again.status()).as(again.toString()).isEqualTo(202);
            await().atMost(WAIT).until(() -> receiver.received().size() == 2);
            assertThat(receiver.received().get(1).header("Casekeeper-Webhook-Id"))
                    .isEqualTo(deliveryId);
        }
    }

    @Test
    void aSlowReceiverGetsNoMoreRequestsAtOnceThanTheConcurrencyAndThenTheRest() throws Exception {
        var team = newTeam();
        try (var receiver = WebhookReceiver.start()) {
            var inside = new AtomicInteger();
            var most = new AtomicInteger();
            var answer = new CountDownLatch(1);
            receiver.answerWith(() -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                try {
                    // Held until the test has seen a full node's worth arrive; never longer than that.
                    answer.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inside.decrementAndGet();
                }
                return 200;
            });
            subscribe(receiver, team, WEBHOOKS);

            var caseId = openCase(admin(), team, "Courier left the parcel at the wrong door");

            await().atMost(WAIT).until(() -> inside.get() == 4);
            answer.countDown();
            await().atMost(WAIT).until(() -> arrivedFor(receiver, caseId) == WEBHOOKS);
            assertThat(most.get()).isEqualTo(4);
        }
    }
}
