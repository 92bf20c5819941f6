package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.HeadlessChromium;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Signing in with a verified phone number: a six-digit code by text message, with the email codes'
 * rules (single use, the same answer for a number nobody has or that is not verified, the limits).
 */
class PhoneSignInTests extends PortalTestBase {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCustomerSignsInInChromiumWithTheCodeTextedToHerVerifiedNumberAndSeesHerCase() {
        var maria = newCustomer("Maria Lopez");
        String phone = newPhone();
        addPhone(maria, phone, true);
        var kase = openCaseFor(maria, "Activation key gone", "My activation key is gone.");
        org.junit.jupiter.api.Assumptions.assumeTrue(HeadlessChromium.installed(), "needs chromium");

        browser = HeadlessChromium.start();
        var wait = HeadlessChromium.waitFor(browser);
        browser.get("http://localhost:" + port + "/portal/sign-in");
        browser.findElement(By.id("sign-in-phone")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phone")));
        HeadlessChromium.assertAccessible(browser);
        browser.findElement(By.id("phone")).sendKeys(phone.replaceFirst("(\\+\\d{2})(\\d{3})", "$1 $2 "));
        browser.findElement(By.cssSelector("#content form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
        HeadlessChromium.assertAccessible(browser);
        browser.findElement(By.id("code")).sendKeys(awaitText(phone, 0));
        browser.findElement(By.cssSelector("#content form button[type=submit]")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("requests")));
        assertThat(browser.findElement(By.id("requests")).getText())
                .contains("#" + kase.getValue() + ": Activation key gone");
    }

    @Test
    void aCodeWorksOnceAndOnlyForItsNumber() {
        var maria = newCustomer("Maria Lopez");
        String phone = newPhone();
        addPhone(maria, phone, true);
        var session = browser();
        session.get("/portal/sign-in/phone");
        assertThat(session.post("/portal/sign-in/phone", Map.of("phone", phone)).location())
                .endsWith("/portal/sign-in/phone/code");
        String code = awaitText(phone, 0);
        session.get("/portal/sign-in/phone/code");

        var wrong =
                session.post("/portal/sign-in/phone/code", Map.of("code", code.equals("000000") ? "111111" : "000000"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.html().select("#code-error").text()).startsWith("This code is not valid");
        assertThat(session.post("/portal/sign-in/phone/code", Map.of("code", code))
                        .location())
                .endsWith("/portal");
        assertThat(session.get("/portal").status()).isEqualTo(200);

        // Spent: another browser with the same code gets nowhere.
        var other = browser();
        other.get("/portal/sign-in/phone");
        other.post("/portal/sign-in/phone", Map.of("phone", phone));
        other.get("/portal/sign-in/phone/code");
        assertThat(other.post("/portal/sign-in/phone/code", Map.of("code", code))
                        .status())
                .isEqualTo(400);
        assertThat(other.get("/portal").location()).contains("/portal/sign-in");
    }

    @Test
    void anUnknownOrUnverifiedNumberGetsTheSameAnswerAndNoText() {
        var lee = newCustomer("Lee Chen");
        String unverified = newPhone();
        addPhone(lee, unverified, false);
        String unknown = newPhone();

        var first = browser();
        first.get("/portal/sign-in/phone");
        var forUnverified = first.post("/portal/sign-in/phone", Map.of("phone", unverified));
        var second = browser();
        second.get("/portal/sign-in/phone");
        var forUnknown = second.post("/portal/sign-in/phone", Map.of("phone", unknown));

        assertThat(forUnverified.location()).endsWith("/portal/sign-in/phone/code");
        assertThat(forUnknown.location()).isEqualTo(forUnverified.location());
        assertThat(first.get("/portal/sign-in/phone/code")
                        .html()
                        .select("#code-sent")
                        .text())
                .isEqualTo("If " + unverified
                        + " is a verified number we know, we have just sent a six-digit code to it by text message."
                        + " It works once, for a short while.");
        assertThat(TestTextMessages.to(unverified)).isEmpty();
        assertThat(TestTextMessages.to(unknown)).isEmpty();
    }

    @Test
    void aNumberIsSentAtMostFiveCodesAnHourAndBadInputIsRefusedBesideTheField() {
        var maria = newCustomer("Maria Lopez");
        String phone = newPhone();
        addPhone(maria, phone, true);
        for (int i = 0; i < 5; i++) {
            var session = browser();
            session.get("/portal/sign-in/phone");
            assertThat(session.post("/portal/sign-in/phone", Map.of("phone", phone))
                            .status())
                    .isEqualTo(302);
        }
        var session = browser();
        session.get("/portal/sign-in/phone");
        var limited = session.post("/portal/sign-in/phone", Map.of("phone", phone));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.html().select("#sign-in-error").text()).startsWith("Too many attempts");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> TestTextMessages.to(phone).size() == 5);

        var bad = session.post("/portal/sign-in/phone", Map.of("phone", "not a number"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select("#sign-in-error").text())
                .isEqualTo("This is not a phone number. Check it and try again.");
    }

    private static String newPhone() {
        return "+3460" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    private void addPhone(TestCustomer customer, String phone, boolean verified) {
        var added = admin().post(
                        "/api/v1/customers/" + customer.id() + "/identities",
                        Map.of("kind", "phone", "value", phone, "verified", verified));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
    }

    /** The code of the first text to the number after the first {@code before}. */
    private static String awaitText(String phone, int before) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> TestTextMessages.to(phone).size() > before);
        var matcher = CODE.matcher(TestTextMessages.to(phone).get(before).text());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
