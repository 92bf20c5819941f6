package dev.casekeeper.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import dev.casekeeper.support.Screenshots;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An agent types a blaming reply to a frustrated customer: the tone finding shows up beside the
 * box as they pause, naming the words and a rewrite; they send it anyway, and it is kept for
 * coaching. Saves the screenshot docs/assist.md shows (into target/docs/screenshots).
 */
class CaseAssistBrowserTests extends ApiTestBase {

    private static final String BLAMING = "As I already told you, you should have read the manual.";

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
    void aBlamingDraftShowsItsFindingInlineAndCanBeSentAnyway() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Licence key rejected again",
                                "requester",
                                Map.of("email", "rosa-" + UUID.randomUUID() + "@example.com", "name", "Rosa Diaz"),
                                "message",
                                Map.of(
                                        "body",
                                        "This is the THIRD time I write about this. My licence key is STILL rejected!!! Ridiculous."),
                                "teamId",
                                team));
        UUID caseId = UUID.fromString(created.json().get("id").asString());
        long number = created.json().get("number").asLong();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> agent.api()
                                .get("/api/v1/cases/" + caseId + "/frustration")
                                .json()
                                .get("messages")
                                .size()
                        == 1);

        browser = HeadlessChromium.start();
        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/cases/" + number);
        assertThat(browser.findElement(By.cssSelector("#timeline .entry-customer .frustration summary"))
                        .getText())
                .matches("(?s)\\d+\\s+(Frustrated|Heated).*");
        assertThat(browser.findElement(By.id("template-offer")).isDisplayed()).isTrue();
        HeadlessChromium.assertAccessible(browser);

        browser.findElement(By.id("reply-body")).sendKeys(BLAMING);

        var finding = HeadlessChromium.waitFor(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#tone-findings .tone-finding[data-kind=blame]")));
        assertThat(finding.getText()).contains("Reads as blaming the customer.", "Instead:");
        assertThat(browser.findElement(By.id("tone-findings")).getText())
                .contains("As I already told you", "you should have");
        // Tall enough for the header's trend, the scored message and the findings in one picture.
        browser.manage().window().setSize(new Dimension(1280, 1900));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Screenshots.save(browser, "case-assist.png");
        HeadlessChromium.assertAccessible(browser);

        browser.findElement(By.id("tone-send-anyway")).click();

        HeadlessChromium.waitFor(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#timeline .entry-reply"), "you should have read the manual"));
        assertThat(browser.findElement(By.id("reply-body")).getAttribute("value"))
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("#tone-findings .tone-finding")))
                .isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> agent.api()
                                .get("/api/v1/assist/coaching")
                                .json()
                                .get("counts")
                                .path("blame")
                                .asInt(0)
                        > 0);
    }
}
