package dev.casekeeper.routing.web;

import static dev.casekeeper.support.HeadlessChromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * What an agent and a supervisor click, in Debian's Chromium: the agent goes available, an offer
 * card arrives live with the customer's context, they accept it, the case opens, they put the
 * customer on hold and the timer runs; the supervisor's live queues page shows the hold. Saves the
 * screenshots docs/workspace.md shows.
 */
class RoutingBrowserTests extends ApiTestBase {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    private WebDriver agentBrowser;
    private WebDriver supervisorBrowser;

    @BeforeAll
    static void chromiumIsInstalled() {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "Browser tests need Debian's chromium and chromium-driver packages");
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
        waitFor(agentBrowser).ignoring(StaleElementReferenceException.class).until(browser -> {
            new Select(browser.findElement(By.id("presence-select"))).selectByValue("available");
            return true;
        });
        waitFor(agentBrowser).until(ExpectedConditions.attributeToBe(By.id("presence-select"), "data-presence", "available"));

        // A chat arrives in the team's queue: its offer card appears without a reload.
        var caseId = openCase(admin(), team, "Activation key lost after reinstall");
        long number = admin().get("/api/v1/cases/" + caseId).json().get("number").asLong();
        var queued = admin().post("/api/v1/routing/contacts", Map.of("caseId", caseId, "channel", "chat"));
        assertThat(queued.status()).as(queued.toString()).isEqualTo(201);
        var card = waitFor(agentBrowser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".offer-card[data-offer]")));
        assertThat(card.getText()).contains("Maria Lopez", "#" + number, "Activation key lost after reinstall",
                "My activation key is gone");
        waitFor(agentBrowser).until(ExpectedConditions.textMatches(By.cssSelector(".offer-card [data-countdown]"), java.util.regex.Pattern.compile("0:[0-3]\\d")));
        screenshot(agentBrowser, "offer-card.png");

        // Accepting opens the case; the customer goes on hold and the timer runs.
        card.findElement(By.cssSelector("[data-offer-accept]")).click();
        waitFor(agentBrowser).until(ExpectedConditions.urlContains("/cases/" + number));
        waitFor(agentBrowser).until(ExpectedConditions.elementToBeClickable(By.id("hold-button"))).click();
        var timer = waitFor(agentBrowser).until(ExpectedConditions.visibilityOfElementLocated(By.id("hold-timer")));
        assertThat(timer.getText()).startsWith("0:0");
        waitFor(agentBrowser).until(ExpectedConditions.textMatches(By.id("hold-timer"), java.util.regex.Pattern.compile("0:0[1-9]")));

        // The supervisor's live page shows the hold with its timer.
        supervisorBrowser = HeadlessChromium.start();
        HeadlessChromium.signIn(supervisorBrowser, port, supervisor.email(), PASSWORD);
        supervisorBrowser.findElement(By.id("view-queues")).click();
        waitFor(supervisorBrowser).until(ExpectedConditions.urlContains("/supervisor/queues"));
        var hold = waitFor(supervisorBrowser).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#team-" + team + " .hold-row")));
        assertThat(hold.getText()).contains("#" + number, agent.email().substring(0, 12));
        assertThat(hold.findElement(By.cssSelector(".hold-timer")).getText()).matches("0:\\d\\d");

        // Resuming takes it off the supervisor's page, live.
        agentBrowser.findElement(By.id("resume-button")).click();
        waitFor(agentBrowser).until(ExpectedConditions.invisibilityOfElementLocated(By.id("hold-timer")));
        waitFor(supervisorBrowser).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#team-" + team + " .hold-row")));
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        var file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
