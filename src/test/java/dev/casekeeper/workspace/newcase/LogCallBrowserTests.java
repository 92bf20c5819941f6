package dev.casekeeper.workspace.newcase;

import static dev.casekeeper.sla.SlaFixture.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** An agent logs a phone call from the workspace's "New case / Log a call", in Chromium: a phone case with the call on its timeline. */
class LogCallBrowserTests extends ApiTestBase {

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
    void loggingAnInboundCallOpensAPhoneCaseWithTheCallOnItsTimeline() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        browser = HeadlessChromium.start();
        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        var wait = HeadlessChromium.waitFor(browser);
        browser.get("http://localhost:" + port + "/");

        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-case"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-case-form")));
        browser.findElement(By.id("customer-phone")).sendKeys("+44 161 496 " + (1000 + (int) (Math.random() * 8999)));
        browser.findElement(By.id("customer-name")).sendKeys("Joan Baker");
        browser.findElement(By.id("direction-inbound")).click();
        browser.findElement(By.id("duration")).sendKeys("12");
        new Select(browser.findElement(By.id("disposition"))).selectByValue("follow_up");
        browser.findElement(By.id("subject")).sendKeys("Left on hold until she hung up");
        new Select(browser.findElement(By.id("team"))).selectByValue(team.toString());
        browser.findElement(By.id("notes"))
                .sendKeys("Called back after being on hold for 40 minutes yesterday; wants her refund confirmed.");
        browser.findElement(By.id("new-case-submit")).click();

        wait.until(ExpectedConditions.urlMatches("/cases/\\d+$"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "logged a call"));
        assertThat(browser.findElement(By.id("timeline")).getText())
                .contains("logged a call from the customer (12 min): needs a follow-up")
                .contains("wants her refund confirmed");
        long number = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/cases/", ""));
        var kase = agent.api().get("/api/v1/cases?q=" + "Left%20on%20hold").json();
        var found = kase.get("items")
                .valueStream()
                .filter(c -> c.get("number").asLong() == number)
                .findFirst()
                .orElseThrow();
        assertThat(found.get("channel").asString()).isEqualTo("phone");
        assertThat(events(agent.api(), UUID.fromString(found.get("id").asString()), "call_logged"))
                .hasSize(1);
    }

    @Test
    void aFormWithoutTheCustomerComesBackWithWhyAndCreatesNothing() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        browser = HeadlessChromium.start();
        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        var wait = HeadlessChromium.waitFor(browser);
        browser.get("http://localhost:" + port + "/cases/new");
        browser.findElement(By.id("subject")).sendKeys("Nobody");
        browser.findElement(By.id("notes")).sendKeys("No customer given");

        browser.findElement(By.id("new-case-submit")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customer-error")));
        assertThat(browser.findElement(By.id("new-case-errors")).getText()).contains("nothing was created");
        assertThat(browser.findElement(By.id("subject")).getDomProperty("value"))
                .isEqualTo("Nobody");
    }
}
