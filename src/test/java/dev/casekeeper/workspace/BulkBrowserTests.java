package dev.casekeeper.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
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

/** Bulk actions on a workspace list, in Debian's Chromium. */
class BulkBrowserTests extends ApiTestBase {

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
    void anAgentSelectsEveryCaseOnThePageAndRaisesTheirPriority() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        UUID first = openCase(agent.api(), team, "Router keeps rebooting");
        UUID second = openCase(agent.api(), team, "Router lost its settings");
        UUID closed = openCase(agent.api(), team, "Router question answered");
        agent.api().patch("/api/v1/cases/" + closed, Map.of("status", "solved"));
        agent.api().patch("/api/v1/cases/" + closed, Map.of("status", "closed"));
        long closedNumber =
                agent.api().get("/api/v1/cases/" + closed).json().get("number").asLong();

        browser = HeadlessChromium.start();
        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/views/team");
        var wait = HeadlessChromium.waitFor(browser).ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("pick-all")));
        browser.findElement(By.id("pick-all")).click();
        assertThat(browser.findElements(By.cssSelector("input.pick")))
                .isNotEmpty()
                .allSatisfy(pick -> assertThat(pick.isSelected()).isTrue());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("bulk-priority"))).selectByValue("high");
        browser.findElement(By.cssSelector("#bulk-form button[value=priority]")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bulk-result")));
        assertThat(browser.findElement(By.id("bulk-result")).getText()).contains("2 cases changed");
        assertThat(priority(first)).isEqualTo("high");
        assertThat(priority(second)).isEqualTo("high");
        assertThat(priority(closed)).isEqualTo("normal");
    }

    private String priority(UUID id) {
        return admin().get("/api/v1/cases/" + id).json().get("priority").asString();
    }
}
