package dev.casekeeper.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Merging a duplicate from the case page, in Debian's Chromium. */
class CaseMergeBrowserTests extends ApiTestBase {

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
    void anAgentMergesADuplicateAndTheTargetsTimelineShowsBoth() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        String customer = "laura-" + java.util.UUID.randomUUID() + "@example.com";
        long target = open(agent, team, customer, "Parcel not delivered", "My parcel 4711 never arrived.");
        long duplicate = open(agent, team, customer, "Where is my parcel?", "Still waiting for parcel 4711!");

        browser = HeadlessChromium.start();
        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/cases/" + duplicate);
        var wait = HeadlessChromium.waitFor(browser).ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#merge > summary")));

        browser.findElement(By.cssSelector("#merge > summary")).click();
        browser.findElement(By.id("merge-target")).sendKeys(String.valueOf(target));
        browser.findElement(By.id("merge-message")).sendKeys("We carry on in your first case about parcel 4711.");
        browser.findElement(By.cssSelector("#merge-form button[type=submit]")).click();

        wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/cases/" + target));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("timeline"), "Still waiting for parcel 4711!"));
        String timeline = browser.findElement(By.id("timeline")).getText();
        assertThat(timeline)
                .contains("My parcel 4711 never arrived.")
                .contains("Still waiting for parcel 4711!")
                .contains("#" + duplicate);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("relations"), "#" + duplicate));

        browser.get("http://localhost:" + port + "/cases/" + duplicate);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "#" + target));
        assertThat(browser.findElement(By.id("timeline")).getText())
                .contains("We carry on in your first case about parcel 4711.");
        assertThat(browser.findElements(By.cssSelector("#merge"))).isEmpty();
    }

    private long open(Caller agent, java.util.UUID team, String customer, String subject, String body) {
        var created = agent.api()
                .post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                subject,
                                "teamId",
                                team,
                                "requester",
                                Map.of("email", customer, "name", "Laura Smith"),
                                "message",
                                Map.of("body", body)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("number").asLong();
    }
}
