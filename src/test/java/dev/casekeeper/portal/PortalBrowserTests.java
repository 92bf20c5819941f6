package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.HeadlessChromium;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A customer in the portal, in Debian's Chromium: signs in with the emailed code, finds her case, replies. */
class PortalBrowserTests extends PortalTestBase {

    private WebDriver browser;

    @BeforeAll
    static void chromiumIsInstalled() {
        Assumptions.assumeTrue(
                HeadlessChromium.installed(), "Browser tests need Debian's chromium and chromium-driver packages");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCustomerSignsInWithTheEmailedCodeSeesHerCaseAndReplies() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Activation key gone", "My activation key is gone since I reinstalled.");
        var agent = newAgent("agent");
        agent.api().post("/api/v1/cases/" + kase.getKey() + "/assignment", Map.of("ownerId", agent.id()));
        agent.api()
                .post(
                        "/api/v1/cases/" + kase.getKey() + "/replies",
                        Map.of("body", "I am sorry about the key. Which version did you buy?"));

        browser = HeadlessChromium.start();
        var wait = HeadlessChromium.waitFor(browser);
        browser.get("http://localhost:" + port + "/portal");
        wait.until(ExpectedConditions.urlContains("/portal/sign-in"));
        HeadlessChromium.assertAccessible(browser);
        browser.findElement(By.id("email")).sendKeys(maria.email());
        browser.findElement(By.cssSelector("#content form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
        HeadlessChromium.assertAccessible(browser);
        browser.findElement(By.id("code")).sendKeys(code(awaitMail(maria.email(), 1)));
        browser.findElement(By.cssSelector("#content form button[type=submit]")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("requests")));
        HeadlessChromium.assertAccessible(browser);
        assertThat(browser.findElement(By.id("requests")).getText()).contains("Activation key gone");
        browser.findElement(By.linkText("#" + kase.getValue() + ": Activation key gone"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
        assertThat(browser.findElement(By.id("timeline")).getText())
                .contains("My activation key is gone", "Which version did you buy?");
        HeadlessChromium.assertAccessible(browser);

        browser.findElement(By.id("body")).sendKeys("The Home edition, bought in March.");
        browser.findElement(By.cssSelector("#reply button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-sent")));
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("The Home edition, bought in March.");
        HeadlessChromium.assertAccessible(browser);

        // Another customer, signed in, reaches none of it.
        var lee = newCustomer("Lee Chen");
        var other = signIn(lee);
        var page = other.get("/portal/cases/" + kase.getValue());
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Activation key gone", "Home edition");
        assertThat(other.get("/portal").body()).doesNotContain("Activation key gone");
    }

    @Test
    void theWebFormIsAccessible() {
        browser = HeadlessChromium.start();
        browser.get("http://localhost:" + port + "/contact");
        HeadlessChromium.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("topic")));

        HeadlessChromium.assertAccessible(browser);
        assertThat(browser.findElement(By.id("website")).isDisplayed()).isFalse();
    }
}
