package dev.casekeeper.sla.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import dev.casekeeper.support.Screenshots;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an agent sees and clicks on the case page, in Debian's Chromium: the SLA panel, a promise
 * recorded in place, solving refused because of it, the promise kept; and the bell counting up
 * live when they are told something. Saves the screenshot docs/sla.md shows (into target/docs/screenshots).
 */
class SlaBrowserTests extends ApiTestBase {

    @Autowired
    NotificationManagement notifications;

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
    void anAgentSeesTheSlaRecordsAPromiseIsStoppedFromSolvingKeepsItAndHearsTheBell() throws IOException {
        var team = newTeam();
        var agent = newAgent("agent", team);
        SlaFixture.teamPolicy(admin(), SlaFixture.alwaysOpenCalendar(admin()), team, true, null);
        var caseId = SlaFixture.openCase(agent.api(), team, "Return: Nike Elite socks in the wrong colour");
        agent.api().post("/api/v1/cases/" + caseId + "/assignment", Map.of("ownerId", agent.id()));
        agent.api()
                .post(
                        "/api/v1/cases/" + caseId + "/replies",
                        Map.of("body", "Sorry about that, the blue ones are on their way."));
        long number =
                agent.api().get("/api/v1/cases/" + caseId).json().get("number").asLong();

        browser = HeadlessChromium.start();
        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/cases/" + number);
        // Parts of the page load afresh when the case changes; an element caught mid-swap is looked up again.
        var wait = HeadlessChromium.waitFor(browser).ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live-ready", "true"));

        // The SLA panel: the first response was met, resolution runs, in words and colour.
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#sla-panel [data-target=resolution] .sla-time")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#sla-panel [data-target=first_response] .sla-badge"), "Met"));
        assertThat(browser.findElement(By.cssSelector("#sla-panel [data-target=resolution] .sla-time"))
                        .getText())
                .endsWith("left");
        assertThat(browser.findElement(By.id("bell")).getAttribute("data-unread"))
                .isEqualTo("0");
        HeadlessChromium.assertAccessible(browser);

        // A promise, recorded in place with its due time in the browser's zone.
        int entries = Integer.parseInt(browser.findElement(By.id("timeline")).getAttribute("data-entries"));
        browser.findElement(By.cssSelector("#promise-new > summary")).click();
        browser.findElement(By.id("promise-text")).sendKeys("Email the tracking number of the blue socks");
        var due = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
                .plusDays(1)
                .truncatedTo(ChronoUnit.MINUTES);
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].value = arguments[1]", browser.findElement(By.id("promise-due")), due.toString());
        assertThat(browser.findElement(By.cssSelector("#promise-form input[name=zone]"))
                        .getAttribute("value"))
                .isNotEmpty();
        browser.findElement(By.cssSelector("#promise-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#promises .promise-open .promise-text"),
                "Email the tracking number of the blue socks"));

        // The rest of the page loads afresh: the timeline shows the promise.
        wait.until(driver ->
                Integer.parseInt(driver.findElement(By.id("timeline")).getAttribute("data-entries")) > entries);

        // Solving is refused, naming the promise.
        wait.until(driver -> {
            new Select(driver.findElement(By.id("status"))).selectByValue("solved");
            driver.findElement(By.cssSelector("#change-form button[type=submit]"))
                    .click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#change-form .form-error"), "Email the tracking number of the blue socks"));
        wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sla-panel [data-target=resolution]")));
        Screenshots.save(browser, "case-sla.png");
        HeadlessChromium.assertAccessible(browser);

        // Kept, with a note; the team sees what was done.
        browser.findElement(By.cssSelector("#promises .promise-open .promise-actions details:first-child > summary"))
                .click();
        var note = browser.findElement(By.cssSelector("#promises .promise-open .promise-keep textarea"));
        note.sendKeys("Sent DHL 00340434 by email");
        browser.findElement(By.cssSelector("#promises .promise-open .promise-keep button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#promises .promise-kept .promise-outcome"), "Sent DHL 00340434 by email"));

        // The bell counts up live when the agent is told something, and only theirs.
        notifications.notify(Notify.of(
                Set.of(new AgentId(agent.id())),
                "sla_warning",
                caseId,
                "Case #" + number + ": resolution is due in 1 h",
                "test:" + UUID.randomUUID()));
        wait.until(ExpectedConditions.attributeToBe(By.id("bell"), "data-unread", "1"));
        browser.findElement(By.id("bell")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".notification-unread .notification-text"), "resolution is due in 1 h"));
        HeadlessChromium.assertAccessible(browser);
        browser.findElement(By.cssSelector(".notification-unread .mark-read")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("bell"), "data-unread", "0"));
    }
}
