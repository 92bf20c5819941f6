package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A customer verifies a phone number herself in About me: a code by text message, typed back; only
 * then does the number sign in. Bad numbers are refused beside the field, and a number is sent at
 * most as many codes an hour as an email address.
 */
class PhoneVerificationTests extends PortalTestBase {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private static String newPhone() {
        return "+3462" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    private static String awaitText(String phone, int before) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> TestTextMessages.to(phone).size() > before);
        var matcher = CODE.matcher(TestTextMessages.to(phone).get(before).text());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    @Test
    void sheAddsHerNumberConfirmsTheTextedCodeAndThenSignsInWithIt() {
        var maria = newCustomer("Maria Lopez");
        String phone = newPhone();
        var session = signIn(maria);
        session.get("/portal/about");

        var asked = session.post("/portal/identities/phone", Map.of("phone", phone));

        assertThat(asked.location()).endsWith("/portal/identities/verify");
        assertThat(session.get("/portal/identities/verify")
                        .html()
                        .select("#code-sent")
                        .text())
                .contains("by text message to " + phone);
        String code = awaitText(phone, 0);
        assertThat(TestTextMessages.to(phone).getFirst().text()).doesNotContain("http");
        // Not verified yet: the number does not sign in, and asking sends nothing.
        var early = browser();
        early.get("/portal/sign-in/phone");
        early.post("/portal/sign-in/phone", Map.of("phone", phone));
        assertThat(TestTextMessages.to(phone)).hasSize(1);

        var wrong =
                session.post("/portal/identities/verify", Map.of("code", code.equals("000000") ? "111111" : "000000"));
        assertThat(wrong.status()).isEqualTo(400);
        var right = session.post("/portal/identities/verify", Map.of("code", code));
        assertThat(right.location()).endsWith("/portal/about");
        var about = session.get("/portal/about");
        assertThat(about.html().select("#phone-added").text()).contains("confirmed");
        assertThat(about.html().select("li[data-value]").stream()
                        .filter(li -> li.attr("data-value").equals(phone))
                        .map(li -> li.text())
                        .findFirst())
                .hasValueSatisfying(
                        text -> assertThat(text).contains("verified").doesNotContain("not verified"));

        // Now it signs in.
        var phoneSession = browser();
        phoneSession.get("/portal/sign-in/phone");
        phoneSession.post("/portal/sign-in/phone", Map.of("phone", phone));
        String signInCode = awaitText(phone, 1);
        phoneSession.get("/portal/sign-in/phone/code");
        assertThat(phoneSession
                        .post("/portal/sign-in/phone/code", Map.of("code", signInCode))
                        .location())
                .endsWith("/portal");
    }

    @Test
    void aBadNumberIsRefusedBesideTheFieldAndANumberGetsAtMostFiveCodesAnHour() {
        var maria = newCustomer("Maria Lopez");
        var session = signIn(maria);
        session.get("/portal/about");

        var bad = session.post("/portal/identities/phone", Map.of("phone", "call me"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select("#phone-error").text()).contains("not a phone number");
        assertThat(bad.html().select("#new-phone").attr("value")).isEqualTo("call me");

        String phone = newPhone();
        for (int i = 0; i < 5; i++) {
            session.get("/portal/about");
            assertThat(session.post("/portal/identities/phone", Map.of("phone", phone))
                            .status())
                    .isEqualTo(302);
        }
        session.get("/portal/about");
        var limited = session.post("/portal/identities/phone", Map.of("phone", phone));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.html().select("#phone-error").text()).contains("minutes");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> TestTextMessages.to(phone).size() == 5);
    }
}
