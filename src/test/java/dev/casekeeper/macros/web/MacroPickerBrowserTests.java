package dev.casekeeper.macros.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An agent inserts a canned response into the reply they are writing, from the picker, with the
 * keyboard, and sends it: the customer gets the text filled in for their case.
 */
class MacroPickerBrowserTests extends ApiTestBase {

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        assumeTrue(HeadlessChromium.installed(), "Chromium and chromedriver are not installed");
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAgentInsertsACannedResponseFilledInForTheCaseAtTheCursorAndSendsIt() {
        String name = "Key reissued " + UUID.randomUUID();
        admin().post(
                        "/api/v1/macros",
                        Map.of(
                                "name",
                                name,
                                "body",
                                "Hi {{customer.preferredName}},\n\nyour new key for case #{{case.number}} is on its way.\n\n{{agent.firstName}}"));
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        var caseId = openCase(agent.api(), team, "Activation key gone after reinstall");
        long number =
                agent.api().get("/api/v1/cases/" + caseId).json().get("number").asLong();
        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/cases/" + number);
        var wait = HeadlessChromium.waitFor(browser);
        var reply = browser.findElement(By.id("reply-body"));
        reply.sendKeys("Thanks for your patience. ");

        browser.findElement(By.id("macro-picker-open")).click();
        var search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("macro-search")));
        search.sendKeys(name.substring(0, 20));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#macro-results[data-q='" + name.substring(0, 20) + "']")));
        HeadlessChromium.assertAccessible(browser);
        assertThat(browser.findElement(By.cssSelector("#macro-results .macro-name"))
                        .getText())
                .isEqualTo(name);
        search.sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.switchTo().activeElement().getAttribute("data-macro-insert"))
                .isNotNull();
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);

        String expected = "Thanks for your patience. Hi Maria Lopez,\n\nyour new key for case #" + number
                + " is on its way.\n\nAgent";
        wait.until(ExpectedConditions.attributeToBe(By.id("reply-body"), "value", expected));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("reply-body");
        assertThat(browser.findElement(By.id("macro-picker")).getAttribute("open"))
                .isNull();

        browser.findElement(By.cssSelector("#reply-form button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("timeline"), "your new key for case #" + number));
        var timeline = agent.api().get("/api/v1/cases/" + caseId).json().get("timeline");
        // A browser sends a text box's line breaks as CR LF.
        assertThat(timeline.valueStream()
                        .filter(e -> e.get("kind").asString().equals("message_out"))
                        .map(e -> e.get("body").asString().replace("\r\n", "\n")))
                .containsExactly(expected);
    }

    @Test
    void enterInTheSearchBoxInsertsTheBestMatchAndSendsNothing() {
        String name = "Hold limit " + UUID.randomUUID();
        admin().post("/api/v1/macros", Map.of("name", name, "body", "Sorry for the wait, {{customer.name}}."));
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        var caseId = openCase(agent.api(), team, "Waiting on hold");
        long number =
                agent.api().get("/api/v1/cases/" + caseId).json().get("number").asLong();
        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/cases/" + number);
        var wait = HeadlessChromium.waitFor(browser);

        browser.findElement(By.id("macro-picker-open")).sendKeys(Keys.ENTER);
        var search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("macro-search")));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("macro-search");
        search.sendKeys(name);
        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#macro-results[data-q='" + name + "']")));
        search.sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.attributeToBe(By.id("reply-body"), "value", "Sorry for the wait, Maria Lopez."));
        assertThat(agent.api()
                        .get("/api/v1/cases/" + caseId)
                        .json()
                        .get("timeline")
                        .valueStream()
                        .noneMatch(e -> e.get("kind").asString().equals("message_out")))
                .isTrue();
    }
}
