package dev.casekeeper.followups.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** The composer offers the promise the agent is writing, and one click records it, in Debian's Chromium. */
class PromiseSuggestionBrowserTests extends ApiTestBase {

    @Autowired
    Clock clock;

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
    void clickingTheSuggestedPromiseRecordsItDueInTheAgentsZone() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        UUID caseId = SlaFixture.openCase(agent.api(), team, "Return: blue Nike Elite socks");
        long number =
                agent.api().get("/api/v1/cases/" + caseId).json().get("number").asLong();

        browser = HeadlessChromium.start();
        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/cases/" + number);
        var wait = HeadlessChromium.waitFor(browser).ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-body")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#promises #promise-new")));

        browser.findElement(By.id("reply-body"))
                .sendKeys("Sorry about the colour. I'll call you tomorrow at 10:00 about the exchange.");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("promise-suggestion-record")));
        assertThat(browser.findElement(By.id("promise-suggestion")).getText())
                .contains("I'll call you tomorrow at 10:00 about the exchange.");
        HeadlessChromium.assertAccessible(browser);
        browser.findElement(By.id("promise-suggestion-record")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("promise-suggestion-recorded")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("promises"), "I'll call you tomorrow at 10:00 about the exchange."));
        var zone = ZoneId.of((String) ((JavascriptExecutor) browser)
                .executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone"));
        var promises =
                agent.api().get("/api/v1/cases/" + caseId + "/followups").json().get("followups");
        assertThat(promises.size()).isEqualTo(1);
        assertThat(Instant.parse(promises.get(0).get("dueAt").asString()))
                .isEqualTo(clock.instant()
                        .atZone(zone)
                        .toLocalDate()
                        .plusDays(1)
                        .atTime(10, 0)
                        .atZone(zone)
                        .toInstant());
        // The reply itself was not sent by recording the promise: what the agent wrote is still there.
        assertThat(browser.findElement(By.id("reply-body")).getAttribute("value"))
                .startsWith("Sorry about the colour.");
    }
}
