package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * In Debian's Chromium, a customer and an agent: she signs in with the emailed code and declares
 * her gender; the agent sees it locked and cannot change it, and suggests a display name instead,
 * which she accepts in the portal.
 */
class CustomerIdentityBrowserTests extends PortalTestBase {

    private WebDriver customer;
    private WebDriver agent;

    @BeforeAll
    static void chromiumIsInstalled() {
        Assumptions.assumeTrue(
                HeadlessChromium.installed(), "Browser tests need Debian's chromium and chromium-driver packages");
    }

    @AfterEach
    void closeBrowsers() {
        if (customer != null) {
            customer.quit();
        }
        if (agent != null) {
            agent.quit();
        }
    }

    @Test
    void sheDeclaresHerGenderTheAgentCannotChangeItAndSuggestsANameSheAccepts() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Activation key gone", "My activation key is gone since I reinstalled.");
        var tom = newAgent("agent");

        // She signs in with the code from the mail and declares her gender.
        customer = HeadlessChromium.start();
        var waitCustomer = HeadlessChromium.waitFor(customer);
        customer.get("http://localhost:" + port + "/portal");
        waitCustomer.until(ExpectedConditions.urlContains("/portal/sign-in"));
        customer.findElement(By.id("email")).sendKeys(maria.email());
        customer.findElement(By.cssSelector("#content form button[type=submit]"))
                .click();
        waitCustomer.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
        customer.findElement(By.id("code")).sendKeys(code(awaitMail(maria.email(), 1)));
        customer.findElement(By.cssSelector("#content form button[type=submit]"))
                .click();
        waitCustomer.until(ExpectedConditions.visibilityOfElementLocated(By.id("requests")));
        customer.findElement(By.linkText("About me")).click();
        waitCustomer.until(ExpectedConditions.visibilityOfElementLocated(By.id("about-form")));
        HeadlessChromium.assertAccessible(customer);
        customer.findElement(By.id("gender")).sendKeys("female");
        customer.findElement(By.cssSelector("#about-form button[type=submit]")).click();
        waitCustomer.until(ExpectedConditions.visibilityOfElementLocated(By.id("about-saved")));
        assertThat(customer.findElement(By.id("gender")).getAttribute("value")).isEqualTo("female");

        // The agent sees it locked, with who declared it, and a change forced past the lock is refused.
        agent = HeadlessChromium.start();
        var waitAgent = HeadlessChromium.waitFor(agent);
        HeadlessChromium.signIn(agent, port, tom.email(), PASSWORD);
        agent.get("http://localhost:" + port + "/cases/" + kase.getValue());
        waitAgent.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#context .fields")));
        assertThat(agent.findElement(By.cssSelector("#context .fields")).getText())
                .contains("female", "declared by the customer");
        agent.findElement(By.cssSelector("#edit-profile > summary")).click();
        var gender = agent.findElement(By.id("profile-gender"));
        assertThat(gender.getAttribute("readonly")).isNotNull();
        ((JavascriptExecutor) agent).executeScript("arguments[0].removeAttribute('readonly')", gender);
        gender.clear();
        gender.sendKeys("male");
        agent.findElement(By.cssSelector("#profile-form button[type=submit]")).click();
        var refusal = waitAgent.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-gender-error")));
        assertThat(refusal.getText())
                .isEqualTo("The customer declared this themselves as “female”. Only the customer can change it.");
        assertThat(field(maria, "gender")).isEqualTo("female");

        // Instead, the agent suggests a display name.
        agent.findElement(By.cssSelector("#suggest-change > summary")).click();
        new Select(agent.findElement(By.id("suggest-field"))).selectByValue("displayName");
        agent.findElement(By.id("suggest-value")).sendKeys("Maria L. Lopez");
        agent.findElement(By.cssSelector("#suggest-form button[type=submit]")).click();
        waitAgent.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#suggestions li[data-state=pending]"), "Maria L. Lopez"));
        HeadlessChromium.assertAccessible(agent);
        assertThat(admin().get("/api/v1/customers/" + maria.id())
                        .json()
                        .get("displayName")
                        .asString())
                .isEqualTo("Maria Lopez");

        // She sees the suggestion and accepts it: the name is hers now.
        customer.navigate().refresh();
        waitCustomer.until(ExpectedConditions.visibilityOfElementLocated(By.id("suggestions")));
        assertThat(customer.findElement(By.id("suggestions")).getText()).contains("Your name: “Maria L. Lopez”");
        HeadlessChromium.assertAccessible(customer);
        customer.findElement(By.cssSelector("#suggestions li[data-field=displayName] button.button-primary"))
                .click();
        waitCustomer.until(ExpectedConditions.visibilityOfElementLocated(By.id("about-saved")));
        assertThat(customer.findElement(By.id("displayName")).getAttribute("value"))
                .isEqualTo("Maria L. Lopez");
        assertThat(customer.findElements(By.id("suggestions"))).isEmpty();

        agent.navigate().refresh();
        waitAgent.until(ExpectedConditions.visibilityOfElementLocated(By.id("name-locked")));
        assertThat(agent.findElement(By.cssSelector("#context .customer-name")).getText())
                .contains("Maria L. Lopez", "declared by the customer");
        assertThat(agent.findElement(By.cssSelector("#suggestions li[data-state=accepted]"))
                        .getText())
                .contains("Maria L. Lopez");
    }

    private String field(TestCustomer customer, String key) {
        return admin().get("/api/v1/customers/" + customer.id())
                .json()
                .get("fields")
                .get(key)
                .get("value")
                .asString();
    }
}
