package dev.casekeeper.followups.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import java.time.Clock;
import java.time.Duration;
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
import org.springframework.beans.factory.annotation.Autowired;

/** The promises panel beside what the agent is writing, in Debian's Chromium. */
class CasePromisesBrowserTests extends ApiTestBase {

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

    /**
     * Issue 15, item 12: keeping a promise changes the case, the case's header loads afresh, and the
     * closing composer in it lost what the agent had typed.
     */
    @Test
    void keepingAPromiseLeavesWhatTheAgentTypedInTheClosingComposer() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        UUID caseId = openCase(agent.api(), team, "Return: blue Nike Elite socks");
        agent.api().post("/api/v1/cases/" + caseId + "/assignment", Map.of("ownerId", agent.id()));
        var promised = agent.api()
                .post(
                        "/api/v1/cases/" + caseId + "/promises",
                        Map.of(
                                "text",
                                "Email the tracking number of the blue socks",
                                "dueAt",
                                clock.instant().plus(Duration.ofDays(1))));
        assertThat(promised.status()).as(promised.toString()).isEqualTo(201);
        long number =
                agent.api().get("/api/v1/cases/" + caseId).json().get("number").asLong();

        browser = HeadlessChromium.start();
        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/cases/" + number);
        var wait = HeadlessChromium.waitFor(browser).ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live-ready", "true"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#promises .promise-open")));

        // The agent starts the closing: what happens next, by when.
        browser.findElement(By.cssSelector("#solve > summary")).click();
        browser.findElement(By.id("closing-what")).sendKeys("We'll ship the blue socks today.");
        browser.findElement(By.id("closing-when")).sendKeys("within 4-7 business days");
        int entries = Integer.parseInt(browser.findElement(By.id("timeline")).getAttribute("data-entries"));

        // Then keeps the promise in the panel beside it: the case changes and its parts load afresh.
        browser.findElement(By.cssSelector("#promises .promise-open .promise-actions details:first-child > summary"))
                .click();
        browser.findElement(By.cssSelector("#promises .promise-open .promise-keep textarea"))
                .sendKeys("Sent DHL 00340434 by email");
        browser.findElement(By.cssSelector("#promises .promise-open .promise-keep button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#promises .promise-kept")));
        wait.until(driver ->
                Integer.parseInt(driver.findElement(By.id("timeline")).getAttribute("data-entries")) > entries);

        assertThat(browser.findElement(By.id("closing-what")).getAttribute("value"))
                .isEqualTo("We'll ship the blue socks today.");
        assertThat(browser.findElement(By.id("closing-when")).getAttribute("value"))
                .isEqualTo("within 4-7 business days");
        assertThat(browser.findElement(By.id("solve")).getAttribute("open")).isNotNull();
    }
}
