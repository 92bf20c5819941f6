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

/**
 * Customer fields in Debian's Chromium: an admin defines a dropdown for customers, an agent sets it
 * in the customer card of a case page, and after a reload the card shows the value and who set it.
 */
class CustomerFieldsBrowserTests extends ApiTestBase {

    private WebDriver browser;
    private final String key =
            "tier_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

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
        // Customer fields show on every case's customer card: the test removes its own.
        for (var f : admin().get("/api/v1/fields?subject=customer").json()) {
            if (f.get("apiKey").asString().equals(key)) {
                admin().delete("/api/v1/fields/" + f.get("id").asString());
            }
        }
    }

    @Test
    void anAgentSetsACustomerDropdownInTheCustomerCardAndItStaysWithItsHistory() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        String agentName =
                agent.api().get("/api/v1/agents/me").json().get("name").asString();
        long number = agent.api()
                .post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Our invoices show the wrong company name",
                                "teamId",
                                team,
                                "requester",
                                Map.of("email", "ines-" + UUID.randomUUID() + "@example.com", "name", "Inês Duarte"),
                                "message",
                                Map.of("body", "Since the merger our invoices still carry the old name.")))
                .json()
                .get("number")
                .asLong();

        browser = HeadlessChromium.start();
        var wait = HeadlessChromium.waitFor(browser).ignoring(StaleElementReferenceException.class);
        HeadlessChromium.signIn(browser, port, ADMIN_EMAIL, ADMIN_PASSWORD);
        browser.get("http://localhost:" + port + "/admin/fields/new");
        browser.findElement(By.id("field-name")).sendKeys("Customer tier");
        browser.findElement(By.id("field-apiKey")).sendKeys(key);
        new Select(browser.findElement(By.id("field-subject"))).selectByValue("customer");
        new Select(browser.findElement(By.id("field-type"))).selectByValue("dropdown");
        browser.findElement(By.id("field-options")).sendKeys("Bronze\nSilver\nGold");
        browser.findElement(By.id("save-field")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer-fields"), "Customer tier"));
        browser.findElement(By.id("sign-out")).click();

        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/cases/" + number);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customer-field-" + key)));
        new Select(browser.findElement(By.id("customer-field-" + key))).selectByValue("Gold");
        browser.findElement(By.id("customer-fields-save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customer-fields-saved")));

        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customer-field-" + key)));
        assertThat(new Select(browser.findElement(By.id("customer-field-" + key)))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Gold");
        var field = browser.findElement(By.cssSelector("#customer-fields [data-field='" + key + "']"));
        assertThat(field.getText()).contains("Changed by " + agentName);
        browser.findElement(By.cssSelector("#customer-fields-history summary")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("customer-fields-history"), "Customer tier set to “Gold”"));
        assertThat(browser.findElement(By.id("customer-fields-history")).getText())
                .contains(agentName);
        // The case's own Fields panel is another thing: the customer field is not there.
        assertThat(browser.findElements(By.id("field-" + key))).isEmpty();
    }
}
