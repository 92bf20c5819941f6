package dev.casekeeper.fields;

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
import org.openqa.selenium.support.ui.Select;

/** Custom fields in Debian's Chromium: an admin defines one, an agent meets it on the case page. */
class CustomFieldsBrowserTests extends ApiTestBase {

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
    void anAdminAddsARequiredDropdownAndSolvingWithoutItIsRefusedOnTheCasePage() {
        var team = newTeam();
        String teamName =
                admin().get("/api/v1/teams/" + team).json().get("name").asString();
        var agent = newAgent("agent", team);
        String key = "reason_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        long number = agent.api()
                .post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Charged twice for order 5521",
                                "teamId",
                                team,
                                "requester",
                                Map.of("email", "tom-" + UUID.randomUUID() + "@example.com"),
                                "message",
                                Map.of("body", "I see two charges on my card.")))
                .json()
                .get("number")
                .asLong();

        browser = HeadlessChromium.start();
        var wait = HeadlessChromium.waitFor(browser).ignoring(StaleElementReferenceException.class);
        HeadlessChromium.signIn(browser, port, ADMIN_EMAIL, ADMIN_PASSWORD);
        browser.get("http://localhost:" + port + "/admin/fields/new");
        browser.findElement(By.id("field-name")).sendKeys("Contact reason");
        browser.findElement(By.id("field-apiKey")).sendKeys(key);
        new Select(browser.findElement(By.id("field-type"))).selectByValue("dropdown");
        browser.findElement(By.id("field-options")).sendKeys("Billing\nBug\nQuestion");
        new Select(browser.findElement(By.id("field-teamId"))).selectByVisibleText(teamName);
        browser.findElement(By.id("field-requiredToSolve")).click();
        browser.findElement(By.id("save-field")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-fields"), "Contact reason"));
        browser.findElement(By.id("sign-out")).click();

        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/cases/" + number);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-" + key)));
        new Select(browser.findElement(By.id("status"))).selectByValue("solved");
        browser.findElement(By.cssSelector("#change-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("change-form"), "Contact reason"));
        assertThat(browser.findElement(By.cssSelector("#change-form .form-error"))
                        .getText())
                .contains("filled in");
        assertThat(agent.api()
                        .get("/api/v1/cases/" + caseId(agent, number))
                        .json()
                        .get("status")
                        .asString())
                .isNotEqualTo("solved");

        new Select(browser.findElement(By.id("field-" + key))).selectByValue("Billing");
        browser.findElement(By.id("fields-save")).click();
        // Not the panel's "Saved.": the live refresh that follows the change may replace it first.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "Contact reason"));
        new Select(browser.findElement(By.id("status"))).selectByValue("solved");
        browser.findElement(By.cssSelector("#change-form button[type=submit]")).click();
        wait.until(d -> agent.api()
                .get("/api/v1/cases/" + caseId(agent, number))
                .json()
                .get("status")
                .asString()
                .equals("solved"));
    }

    private static String caseId(Caller agent, long number) {
        return agent.api()
                .get("/api/v1/cases?q=" + number)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
    }
}
