package dev.casekeeper.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * What people click: a supervisor writes an article with its live preview and publishes it, and a
 * customer finds it in the help center through the suggestions as she types; an agent on a case page
 * gets it suggested, inserts its link into the reply and marks it as having helped; a customer on the
 * web form opens a suggested article and leaves without writing, which counts as a deflection.
 */
class KnowledgeBrowserTests extends ApiTestBase {

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
    void aSupervisorWritesAndPublishesAnArticleThatACustomerFindsInTheHelpCenter() {
        var supervisor = newAgent("supervisor");
        String word = "kz" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "k");
        HeadlessChromium.signIn(browser, port, supervisor.email(), PASSWORD);
        var wait = HeadlessChromium.waitFor(browser);

        browser.get("http://localhost:" + port + "/knowledge");
        browser.findElement(By.id("new-article")).click();
        browser.findElement(By.id("article-title")).sendKeys("Returning a " + word + " order");
        browser.findElement(By.id("article-summary")).sendKeys("Send it back within 30 days.");
        browser.findElement(By.id("article-body")).sendKeys("## Steps\n\n1. Pack it.\n2. Print the **label**.");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#article-preview h2"), "Steps"));
        assertThat(browser.findElement(By.cssSelector("#article-preview strong"))
                        .getText())
                .isEqualTo("label");
        browser.findElement(By.id("article-category")).sendKeys("Orders");
        new Select(browser.findElement(By.id("article-visibility"))).selectByValue("public");
        HeadlessChromium.assertAccessible(browser);
        browser.findElement(By.id("save-article")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("move-published")))
                .click();
        wait.until(ExpectedConditions.textToBe(By.id("article-state"), "Published"));
        String address = browser.findElement(By.id("article-public-link")).getAttribute("href");

        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/help");
        browser.findElement(By.id("help-q")).sendKeys("returning " + word.substring(0, 5));
        var suggestion = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#help-suggest a[href$='" + address.substring(address.indexOf("/help/")) + "']")));
        HeadlessChromium.assertAccessible(browser);
        suggestion.click();

        wait.until(ExpectedConditions.textToBe(By.id("article-title"), "Returning a " + word + " order"));
        assertThat(browser.findElement(By.cssSelector("#article-body ol")).getText())
                .contains("Pack it.");
        HeadlessChromium.assertAccessible(browser);
        browser.findElement(By.id("help-yes")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("help-feedback-done")));
    }

    @Test
    void anAgentGetsAnArticleSuggestedOnTheCasePageInsertsItsLinkAndMarksItHelpful() {
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        String word = "vz" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "v");
        var created = agent.api()
                .post(
                        "/api/v1/knowledge/articles",
                        Map.of(
                                "title",
                                "Activation key " + word,
                                "summary",
                                "Verify the account, resend the key.",
                                "body",
                                "Resend the key to the address on the account.",
                                "visibility",
                                "public"));
        String id = created.json().get("id").asString();
        admin().post("/api/v1/knowledge/articles/" + id + "/state", Map.of("state", "published"));
        String path = created.json().get("helpCenterPath").asString();
        UUID caseId = openCase(agent.api(), team, "Activation key " + word + " missing");
        long number =
                agent.api().get("/api/v1/cases/" + caseId).json().get("number").asLong();
        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/cases/" + number);
        var wait = HeadlessChromium.waitFor(browser);

        browser.findElement(By.id("article-picker-open")).click();
        String option = "#article-results [data-article='"
                + created.json().get("number").asLong() + "']";
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(option)));
        HeadlessChromium.assertAccessible(browser);
        // htmx may swap the results once more while they load: click what is there then.
        wait.until(driver -> {
            driver.findElement(By.cssSelector(option + " [data-article-helped]"))
                    .click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(option), "Marked as helpful"));
        // The first insert button is the link.
        browser.findElement(By.cssSelector(option + " [data-article-insert]")).click();
        wait.until(
                ExpectedConditions.attributeContains(By.id("reply-body"), "value", "http://localhost:" + port + path));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "Activation key " + word));
        assertThat(agent.api()
                        .get("/api/v1/knowledge/articles/" + id + "/stats")
                        .json()
                        .get("helpedCases")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void aCustomerWhoOpensASuggestedArticleOnTheWebFormAndLeavesCountsAsADeflection() {
        var writer = newAgent("agent");
        String word = "dz" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "d");
        var created = writer.api()
                .post(
                        "/api/v1/knowledge/articles",
                        Map.of(
                                "title",
                                "Late technician " + word,
                                "summary",
                                "What to do when the technician is late.",
                                "body",
                                "Call us.",
                                "visibility",
                                "public"));
        String id = created.json().get("id").asString();
        admin().post("/api/v1/knowledge/articles/" + id + "/state", Map.of("state", "published"));
        var wait = HeadlessChromium.waitFor(browser);

        browser.get("http://localhost:" + port + "/help/search?q=" + word);
        browser.findElement(By.id("help-contact")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("topic"), "value", word));
        var suggestion = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("#help-deflection a[data-help-article='"
                        + created.json().get("number").asLong() + "']")));
        HeadlessChromium.assertAccessible(browser);
        String form = browser.getWindowHandle();
        suggestion.click();
        browser.switchTo().window(form);
        browser.get("http://localhost:" + port + "/help");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(writer.api()
                                .get("/api/v1/knowledge/articles/" + id + "/stats")
                                .json()
                                .get("deflections")
                                .asLong())
                        .isEqualTo(1));
    }
}
