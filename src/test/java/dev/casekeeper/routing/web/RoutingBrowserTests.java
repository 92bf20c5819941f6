package dev.casekeeper.routing.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import dev.casekeeper.support.Screenshots;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * What an agent and a supervisor click, in Debian's Chromium: the agent goes available, an offer
 * card arrives live with the customer's context, they accept it, the case opens, they put the
 * customer on hold and the timer runs; the supervisor's live queues page shows the hold. Saves the
 * screenshots docs/workspace.md shows (into target/docs/screenshots).
 */
class RoutingBrowserTests extends ApiTestBase {

    private WebDriver agentBrowser;
    private WebDriver supervisorBrowser;

    @BeforeAll
    static void chromiumIsInstalled() {
        Assumptions.assumeTrue(
                HeadlessChromium.installed(), "Browser tests need Debian's chromium and chromium-driver packages");
    }

    @AfterEach
    void closeBrowsers() {
        if (agentBrowser != null) {
            agentBrowser.quit();
        }
        if (supervisorBrowser != null) {
            supervisorBrowser.quit();
        }
    }

    @Test
    void anAgentTakesALiveOfferPutsTheCustomerOnHoldAndTheSupervisorSeesTheHold() throws IOException {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);

        agentBrowser = HeadlessChromium.start();
        HeadlessChromium.signIn(agentBrowser, port, agent.email(), PASSWORD);
        waitFor(agentBrowser).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live-ready", "true"));
        // The control loads itself after the page: choose once it is there (a reload may replace it under us).
        waitFor(agentBrowser).until(browser -> {
            new Select(browser.findElement(By.id("presence-select"))).selectByValue("available");
            return true;
        });
        waitFor(agentBrowser)
                .until(ExpectedConditions.attributeToBe(By.id("presence-select"), "data-presence", "available"));

        // A chat arrives in the team's queue: its offer card appears without a reload.
        var caseId = openCase(admin(), team, "Activation key lost after reinstall");
        long number =
                admin().get("/api/v1/cases/" + caseId).json().get("number").asLong();
        var queued = admin().post("/api/v1/routing/contacts", Map.of("caseId", caseId, "channel", "chat"));
        assertThat(queued.status()).as(queued.toString()).isEqualTo(201);
        var card = waitFor(agentBrowser).until(browser -> {
            var text = browser.findElement(By.cssSelector(".offer-card[data-offer]"))
                    .getText();
            return text.contains("Maria Lopez") ? text : null;
        });
        assertThat(card).contains("#" + number, "Activation key lost after reinstall", "My activation key is gone");
        waitFor(agentBrowser)
                .until(ExpectedConditions.textMatches(
                        By.cssSelector(".offer-card [data-countdown]"), java.util.regex.Pattern.compile("0:[0-3]\\d")));
        Screenshots.save(agentBrowser, "offer-card.png");
        HeadlessChromium.assertAccessible(agentBrowser);

        // Accepting opens the case; the customer goes on hold and the timer runs.
        waitFor(agentBrowser).until(browser -> {
            browser.findElement(By.cssSelector(".offer-card [data-offer-accept]"))
                    .click();
            return true;
        });
        waitFor(agentBrowser).until(ExpectedConditions.urlContains("/cases/" + number));
        waitFor(agentBrowser).until(browser -> {
            browser.findElement(By.id("hold-button")).click();
            return true;
        });
        waitFor(agentBrowser).until(ExpectedConditions.visibilityOfElementLocated(By.id("hold-timer")));
        waitFor(agentBrowser)
                .until(ExpectedConditions.textMatches(
                        // Running: past 0:00 (a loaded machine may first paint it seconds later).
                        By.id("hold-timer"), java.util.regex.Pattern.compile("0:(0[1-9]|[1-5]\\d)")));
        HeadlessChromium.assertAccessible(agentBrowser);

        // The supervisor's live page shows the hold with its timer.
        supervisorBrowser = HeadlessChromium.start();
        HeadlessChromium.signIn(supervisorBrowser, port, supervisor.email(), PASSWORD);
        supervisorBrowser.findElement(By.id("view-queues")).click();
        waitFor(supervisorBrowser).until(ExpectedConditions.urlContains("/supervisor/queues"));
        var hold = waitFor(supervisorBrowser).until(browser -> {
            var row = browser.findElement(By.cssSelector("#team-" + team + " .hold-row"));
            return row.getText() + " | "
                    + row.findElement(By.cssSelector(".hold-timer")).getText();
        });
        assertThat(hold).contains("#" + number, agent.email().substring(0, 12)).containsPattern("\\| 0:\\d\\d$");
        Screenshots.save(supervisorBrowser, "supervisor-queues.png");
        HeadlessChromium.assertAccessible(supervisorBrowser);

        // Resuming takes it off the supervisor's page, live.
        agentBrowser.findElement(By.id("resume-button")).click();
        waitFor(agentBrowser).until(ExpectedConditions.invisibilityOfElementLocated(By.id("hold-timer")));
        waitFor(supervisorBrowser)
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#team-" + team + " .hold-row")));
    }

    /** Issue 15, item 11: "Waiting (0)" was larger than the team name above it. */
    @Test
    void onTheLiveQueuesTheTeamNameHeadsItsSectionAboveWaitingOfferedAndAgents() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);

        supervisorBrowser = HeadlessChromium.start();
        HeadlessChromium.signIn(supervisorBrowser, port, supervisor.email(), PASSWORD);
        supervisorBrowser.get("http://localhost:" + port + "/supervisor/queues");
        var section =
                waitFor(supervisorBrowser).until(ExpectedConditions.visibilityOfElementLocated(By.id("team-" + team)));

        double teamName = pixels(section.findElement(By.tagName("h2")).getCssValue("font-size"));
        assertThat(section.findElements(By.tagName("h3")))
                .isNotEmpty()
                .allSatisfy(heading -> assertThat(pixels(heading.getCssValue("font-size")))
                        .as(heading.getText())
                        .isLessThan(teamName));
    }

    private static double pixels(String cssSize) {
        return Double.parseDouble(cssSize.replace("px", ""));
    }

    /** Waits that look again when htmx replaced the element under them (live reloads swap whole parts). */
    private static org.openqa.selenium.support.ui.FluentWait<WebDriver> waitFor(WebDriver browser) {
        return HeadlessChromium.waitFor(browser).ignoring(StaleElementReferenceException.class);
    }
}
