package dev.casekeeper.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Role;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import dev.casekeeper.support.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A quality review's round trip in Chromium: the supervisor scores a case of their team against
 * the practices and comments on the customer's message; the agent finds the review on their
 * coaching page, reads it and acknowledges it; the supervisor sees it acknowledged. Saves the
 * screenshots docs/coaching.md shows.
 */
class QaReviewBrowserTests extends ApiTestBase {

    @Autowired
    AgentManagement agents;

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseLookup lookup;

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
    void aSupervisorReviewsACaseAndTheAgentReadsAndAcknowledgesIt() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);
        var agent = newAgent("agent", team);
        var kase = new CaseId(openCase(admin(), team, "Technician three hours late"));
        var admin = agents.signedIn(agents.list().stream()
                        .filter(a -> a.role() == Role.ADMIN)
                        .findFirst()
                        .orElseThrow()
                        .id())
                .orElseThrow();
        cases.assign(kase, new AgentId(agent.id()), admin);
        long number = lookup.summary(kase).number();
        var message = lookup.detail(kase).timeline().stream()
                .filter(e -> e.kind() == EntryKind.MESSAGE_IN)
                .findFirst()
                .orElseThrow();

        browser = HeadlessChromium.start();
        HeadlessChromium.signIn(browser, port, supervisor.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/coaching/reviews/new?caseNumber=" + number);
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("review-form")));
        HeadlessChromium.assertAccessible(browser);
        // Submitted without scores: refused, nothing lost of what was typed.
        browser.findElement(By.id("review-summary")).sendKeys("Kind and calm; the closing lacked next steps.");
        browser.findElement(By.id("submit-review")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("review-errors")));
        assertThat(browser.findElement(By.id("review-summary")).getAttribute("value"))
                .isEqualTo("Kind and calm; the closing lacked next steps.");

        for (var choice : new String[] {"never_personal:5", "active_listening:4", "own_the_problem:4", "closing:2"}) {
            var parts = choice.split(":");
            browser.findElement(By.cssSelector("input[name='score." + parts[0] + "'][value='" + parts[1] + "']"))
                    .click();
        }
        browser.findElement(By.id("comment-" + message.id())).sendKeys("Say sorry for the lost morning first.");
        Screenshots.save(browser, "coaching-review-form.png");
        browser.findElement(By.id("submit-review")).click();

        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("review-scores")));
        // (25 × 100 + 25 × 75 + 30 × 75 + 20 × 25) / 100
        assertThat(browser.findElement(By.id("review-score-title")).getText()).isEqualTo("71.3 %");
        assertThat(browser.findElement(By.id("review-comments")).getText())
                .contains("Say sorry for the lost morning first.");
        String reviewUrl = browser.getCurrentUrl();
        HeadlessChromium.assertAccessible(browser);
        browser.manage().deleteAllCookies(); // signed out

        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        browser.findElement(By.id("view-coaching")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("own-review-list")));
        assertThat(browser.findElement(By.id("own-review-list")).getText())
                .contains("Case #" + number)
                .contains("Not acknowledged yet");
        assertThat(browser.findElement(By.cssSelector("#own-scorecard-table .scorecard-score"))
                        .getText())
                .isEqualTo("71.3 %");
        assertThat(browser.findElements(By.id("team-scorecards"))).isEmpty();
        Screenshots.save(browser, "coaching.png");
        HeadlessChromium.assertAccessible(browser);

        browser.findElement(By.cssSelector("#own-review-list a")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("acknowledge-form")));
        browser.findElement(By.id("ack-note")).sendKeys("Thanks, I will close with next steps.");
        browser.findElement(By.id("acknowledge")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("acknowledged")));
        assertThat(browser.findElement(By.id("acknowledged")).getText())
                .contains("Thanks, I will close with next steps.");
        browser.manage().deleteAllCookies(); // signed out

        HeadlessChromium.signIn(browser, port, supervisor.email(), PASSWORD);
        browser.get(reviewUrl);
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("acknowledged")));
        assertThat(browser.findElements(By.id("acknowledge-form"))).isEmpty();
    }

    private FluentWait<WebDriver> waitFor() {
        return HeadlessChromium.waitFor(browser).ignoring(StaleElementReferenceException.class);
    }
}
