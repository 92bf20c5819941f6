package dev.casekeeper.actions;

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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The wrong order, in the browser: the agent proposes an exchange above their limit from the case
 * page and it waits; the team's supervisor finds it in the approvals queue with its waiting time and
 * approves it; the agent marks it done and puts its next steps in the reply.
 */
class ActionsBrowserTests extends ApiTestBase {

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
    void anExchangeAboveTheAgentsLimitIsApprovedInTheQueueAndItsNextStepsGoInTheReply() {
        var type = admin().post(
                        "/api/v1/action-types",
                        Map.of(
                                "name",
                                "Exchange " + UUID.randomUUID().toString().substring(0, 8),
                                "kind",
                                "replacement",
                                "currency",
                                "EUR",
                                "agentLimit",
                                50,
                                "supervisorLimit",
                                500))
                .json()
                .get("type");
        String typeId = type.get("id").asString();
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var caseId = openCase(agent.api(), team, "Wrong item shipped for order 40-2215");
        long number =
                agent.api().get("/api/v1/cases/" + caseId).json().get("number").asLong();
        var wait = HeadlessChromium.waitFor(browser);

        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/cases/" + number);
        var form = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#actions details[data-action-type='" + typeId + "']")));
        form.findElement(By.tagName("summary")).click();
        form.findElement(By.name("amount")).sendKeys("129.00");
        form.findElement(By.name("field.order")).sendKeys("40-2215");
        form.findElement(By.name("field.item")).sendKeys("the blue curtain she ordered");
        form.findElement(By.name("note")).sendKeys("Wrong colour shipped");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#actions li.action-awaiting_approval")));

        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, port, supervisor.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/approvals");
        var request = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#approvals li.approval")));
        assertThat(request.getText()).contains("129.00 EUR", "Wrong colour shipped", "#" + number);
        assertThat(request.findElement(By.cssSelector(".approval-waiting")).getText())
                .startsWith("Waiting");
        HeadlessChromium.assertAccessible(browser);
        request.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approvals-notice")));

        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/cases/" + number);
        var running =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#actions li.action-running")));
        running.findElement(By.name("result")).sendKeys("Express parcel 7781 on its way");
        running.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#actions li.action-done")));

        browser.findElement(By.id("action-picker-open")).click();
        var insert = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("#action-next-steps [data-article-insert]")));
        insert.click();
        wait.until(ExpectedConditions.attributeContains(
                By.id("reply-body"), "value", "We are sending you the blue curtain she ordered now, at our cost"));
        assertThat(agent.api()
                        .get("/api/v1/cases/" + caseId)
                        .json()
                        .get("timeline")
                        .valueStream()
                        .map(e -> e.path("eventType").asString("")))
                .containsSubsequence("action_proposed", "action_approved", "action_started", "action_done");
    }
}
