package dev.casekeeper.portal;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Signing in to the customer API with a verified phone number: the pages' flow (a texted code,
 * single use), {@code 202} for every number so nobody learns which are known, and problem details
 * for bad input.
 */
class PortalApiPhoneSignInTests extends PortalTestBase {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private static String newPhone() {
        return "+3463" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    private PortalApiClient newClient() {
        var random = ThreadLocalRandom.current();
        return new PortalApiClient(
                port, "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 255) + "." + random.nextInt(1, 255));
    }

    @Test
    void aVerifiedNumberSignsInWithTheTextedCodeOnce() {
        var maria = newCustomer("Maria Lopez");
        String phone = newPhone();
        var added = admin().post(
                        "/api/v1/customers/" + maria.id() + "/identities",
                        Map.of("kind", "phone", "value", phone, "verified", true));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        var client = newClient();

        assertThat(client.post("/api/portal/v1/sign-in", Map.of("phone", phone)).status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !TestTextMessages.to(phone).isEmpty());
        var matcher = CODE.matcher(TestTextMessages.to(phone).getFirst().text());
        assertThat(matcher.find()).isTrue();

        var signedIn = client.post("/api/portal/v1/sign-in/code", Map.of("code", matcher.group(1)));
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        assertThat(signedIn.json().get("id").asString()).isEqualTo(maria.id().toString());
        assertThat(client.get("/api/portal/v1/me").status()).isEqualTo(200);

        var again = newClient();
        again.post("/api/portal/v1/sign-in", Map.of("phone", phone));
        assertProblem(
                again.post("/api/portal/v1/sign-in/code", Map.of("code", matcher.group(1))), 400, "invalid-input");
    }

    @Test
    void anUnknownOrUnverifiedNumberIsAnsweredAlikeAndBadInputIsAProblem() {
        var lee = newCustomer("Lee Chen");
        String unverified = newPhone();
        admin().post(
                        "/api/v1/customers/" + lee.id() + "/identities",
                        Map.of("kind", "phone", "value", unverified, "verified", false));
        String unknown = newPhone();
        var client = newClient();

        assertThat(client.post("/api/portal/v1/sign-in", Map.of("phone", unverified))
                        .status())
                .isEqualTo(202);
        assertThat(client.post("/api/portal/v1/sign-in", Map.of("phone", unknown))
                        .status())
                .isEqualTo(202);
        assertProblem(client.post("/api/portal/v1/sign-in/code", Map.of("code", "123456")), 400, "invalid-input");
        assertProblem(client.get("/api/portal/v1/me"), 401, "unauthorized");
        assertProblem(client.post("/api/portal/v1/sign-in", Map.of("phone", "call me")), 400, "invalid-input");
        assertProblem(
                client.post("/api/portal/v1/sign-in", Map.of("phone", unknown, "email", lee.email())),
                400,
                "invalid-input");
        assertProblem(client.post("/api/portal/v1/sign-in/code", Map.of("code", "12")), 400, "invalid-input");
        assertThat(TestTextMessages.to(unverified)).isEmpty();
        assertThat(TestTextMessages.to(unknown)).isEmpty();
    }
}
