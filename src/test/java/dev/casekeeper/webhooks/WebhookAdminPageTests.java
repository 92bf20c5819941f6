package dev.casekeeper.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The webhooks' admin pages: an admin adds one and sees its secret once, a refused URL comes back
 * beside the form with what was typed, a test event shows in the delivery log with its body and
 * attempt, and the webhook can be disabled.
 */
class WebhookAdminPageTests extends ApiTestBase {

    @Test
    void anAdminAddsAWebhookSeesItsSecretOnceAndFollowsATestEventInTheLog() throws Exception {
        var admin = WebSession.anonymous(port).signIn(newAgent("admin").email(), PASSWORD);
        admin.get("/admin/webhooks");
        String name = "Order system " + UUID.randomUUID().toString().substring(0, 8);
        try (var receiver = WebhookReceiver.start()) {
            var refused = admin.post(
                    "/admin/webhooks",
                    Map.of("name", name, "url", "ftp://orders.example/hooks", "eventTypes", "case.opened"));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.html().select("#webhook-error").text()).startsWith("Give an absolute http or https URL");
            assertThat(refused.html().select("#webhook-url").val()).isEqualTo("ftp://orders.example/hooks");

            var added = admin.post(
                    "/admin/webhooks", Map.of("name", name, "url", receiver.url(), "eventTypes", "case.opened"));

            assertThat(added.status()).isEqualTo(200);
            String secret = added.html().select("#new-webhook-secret-value").val();
            assertThat(secret).hasSizeGreaterThan(20);
            var list = admin.get("/admin/webhooks");
            assertThat(list.html().select("#webhooks").text()).contains(name, receiver.url(), "Enabled");
            assertThat(list.body()).doesNotContain(secret);

            String page =
                    list.html().select("#webhooks a:contains(" + name + ")").attr("href");
            assertThat(admin.post(page + "/test", Map.of()).status()).isEqualTo(302);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !receiver.received().isEmpty());
            var request = receiver.received().getFirst();
            assertThat(WebhookSignature.verify(
                            secret,
                            Long.parseLong(request.header("Casekeeper-Timestamp")),
                            request.body(),
                            request.header("Casekeeper-Signature")))
                    .isTrue();

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(
                                    admin.get(page).html().select("#webhook-deliveries tr[data-state=delivered]"))
                            .hasSize(1));
            String delivery =
                    admin.get(page).html().select("#webhook-deliveries a").attr("href");
            var detail = admin.get(delivery).html();
            assertThat(detail.select("#delivery-body").text()).contains("\"type\":\"webhook.test\"");
            assertThat(detail.select("#delivery-attempts").text()).contains("200");

            admin.post(page + "/enabled", Map.of("enabled", "false"));
            assertThat(admin.get(page).html().select("#webhook-disabled").text())
                    .contains("Disabled by an admin");
        }
    }
}
