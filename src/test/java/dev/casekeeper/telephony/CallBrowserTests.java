package dev.casekeeper.telephony;

import static dev.casekeeper.telephony.PhoneSystem.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.routing.ContactId;
import dev.casekeeper.routing.QueueManagement;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an agent sees of a call, in Debian's Chromium: the phone system reports a ring, the offer
 * card pops the caller (her verified number, her open case and her latest one) before she is
 * answered; the agent answers, the call panel's timer runs, she is put on hold, and at the hold
 * limit the agent is prompted to return or offer a callback instead, which ends the call and gives
 * the team a callback task to her number.
 */
@MovesTime
class CallBrowserTests extends ApiTestBase {

    @Autowired
    QueueManagement queues;

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
    void aCallPopsTheCallerTheAgentAnswersHoldsPastTheLimitAndIsPromptedToOfferACallback() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var number = PhoneSystem.newNumber();
        var email = "successful.moore-" + UUID.randomUUID() + "@example.com";
        var customer = admin().post(
                        "/api/v1/customers",
                        Map.of("displayName", "Successful Moore", "emails", List.of(email), "phones", List.of()));
        var customerId = customer.json().get("id").asString();
        var verified = admin().post(
                        "/api/v1/customers/" + customerId + "/identities",
                        Map.of("kind", "phone", "value", number, "verified", true));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        var earlier = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Software stopped working, activation key lost",
                                "teamId",
                                team,
                                "requester",
                                Map.of("email", email, "name", "Successful Moore"),
                                "message",
                                Map.of("body", "The software I downloaded stopped working.")));
        assertThat(earlier.status()).as(earlier.toString()).isEqualTo(201);
        var pbx = PhoneSystem.signedFor(admin(), port, team, TestClock.INSTANCE::instant);

        browser = HeadlessChromium.start();
        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        waitFor(browser).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live-ready", "true"));
        waitFor(browser).until(b -> {
            new Select(b.findElement(By.id("presence-select"))).selectByValue("available");
            return true;
        });
        waitFor(browser)
                .until(ExpectedConditions.attributeToBe(By.id("presence-select"), "data-presence", "available"));

        // The phone rings: the offer card pops who is calling, before anyone answers.
        var callId = "call-" + UUID.randomUUID();
        var rang = pbx.send(event("ringing", callId, "from", number, "to", "+15550100000"));
        assertThat(rang.status()).as(rang.toString()).isEqualTo(200);
        var pop = waitFor(browser).until(b -> {
            var text = b.findElement(By.cssSelector(".offer-card[data-offer] [data-caller]"))
                    .getText();
            return text.contains(number) ? text : null;
        });
        assertThat(pop)
                .contains("(verified number)", "One other open case", "Software stopped working, activation key lost")
                .contains("#" + earlier.json().get("number").asLong());
        assertThat(browser.findElement(By.cssSelector(".offer-card[data-offer]"))
                        .getText())
                .contains("Successful Moore");
        HeadlessChromium.assertAccessible(browser);

        // The agent answers: the case opens with the call panel and its timer.
        waitFor(browser).until(b -> {
            b.findElement(By.cssSelector(".offer-card [data-offer-accept]")).click();
            return true;
        });
        waitFor(browser)
                .until(ExpectedConditions.urlContains(
                        "/cases/" + rang.json().get("caseNumber").asLong()));
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("call-timer")));
        assertThat(browser.findElement(By.id("call-from")).getText()).isEqualTo(number);

        // On hold: at the limit the agent is prompted and offered a callback instead.
        waitFor(browser).until(b -> {
            b.findElement(By.id("hold-button")).click();
            return true;
        });
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("hold-timer")));
        TestClock.INSTANCE.advance(Duration.ofSeconds(61));
        var prompt = waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("call-hold-limit")));
        assertThat(prompt.getText()).contains("past the limit", "Offer a callback instead");
        HeadlessChromium.assertAccessible(browser);

        waitFor(browser).until(b -> {
            b.findElement(By.id("call-callback-instead")).click();
            return true;
        });
        waitFor(browser).until(ExpectedConditions.alertIsPresent()).accept();
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("call-callback-done")));
        var contactId =
                new ContactId(UUID.fromString(rang.json().get("contactId").asString()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> queues.callbackOf(contactId).isPresent());
    }

    /** Waits that look again when htmx replaced the element under them (live reloads swap whole parts). */
    private static FluentWait<WebDriver> waitFor(WebDriver browser) {
        return HeadlessChromium.waitFor(browser).ignoring(StaleElementReferenceException.class);
    }
}
