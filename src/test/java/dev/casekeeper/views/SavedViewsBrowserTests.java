package dev.casekeeper.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import java.util.List;
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
import org.openqa.selenium.support.ui.Select;

/** Saving a view in Debian's Chromium, and its count in the sidebar as cases arrive. */
class SavedViewsBrowserTests extends ApiTestBase {

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
    void anAgentSavesAViewByACustomFieldAndItsCountUpdatesWhenAMatchingCaseArrives() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        String key = "plan_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        var field = admin().post(
                        "/api/v1/fields",
                        Map.of(
                                "name",
                                "Support plan",
                                "apiKey",
                                key,
                                "type",
                                "dropdown",
                                "options",
                                List.of("Basic", "Gold"),
                                "teamId",
                                team));
        assertThat(field.status()).as(field.toString()).isEqualTo(201);
        open(agent, team, "Basic");

        browser = HeadlessChromium.start();
        var wait = HeadlessChromium.waitFor(browser).ignoring(StaleElementReferenceException.class);
        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-saved-view")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-name")))
                .sendKeys("Gold customers");
        new Select(browser.findElement(By.id("view-field-" + key))).selectByValue("Gold");
        browser.findElement(By.id("save-view")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-total")));
        assertThat(browser.findElement(By.id("view-total")).getText()).isEqualTo("0 cases");
        String viewId =
                browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        var count = By.cssSelector("#saved-view-" + viewId + " .view-count");
        wait.until(ExpectedConditions.textToBe(count, "0"));

        long number = open(agent, team, "Gold");

        wait.until(ExpectedConditions.textToBe(count, "1"));
        browser.findElement(By.id("saved-view-" + viewId)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("saved-view-cases"), "#" + number));
    }

    private long open(Caller agent, UUID team, String plan) {
        String key = null;
        for (var f : agent.api().get("/api/v1/fields").json()) {
            if (team.toString().equals(f.get("teamId").asString())) {
                key = f.get("apiKey").asString();
            }
        }
        var created = agent.api()
                .post(
                        "/api/v1/cases",
                        Map.of(
                                "subject", plan + " plan renewal",
                                "teamId", team,
                                "requester", Map.of("email", "ana-" + UUID.randomUUID() + "@example.com"),
                                "message", Map.of("body", "Please renew our plan."),
                                "customFields", Map.of(key, plan)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("number").asLong();
    }
}
