package dev.casekeeper.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import dev.casekeeper.support.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What people click: an agent changes a published article, which is kept as its draft while the help
 * center shows the published text; she sends it to review, and a supervisor compares it with the
 * published version and publishes it.
 */
class PendingDraftBrowserTests extends ApiTestBase {

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
    void anAgentsChangeToAPublishedArticleWaitsForASupervisorToPublishIt() {
        var agent = newAgent("agent");
        var supervisor = newAgent("supervisor");
        String word = "dz" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "d");
        var created = agent.api()
                .post(
                        "/api/v1/knowledge/articles",
                        Map.of(
                                "title",
                                "Wrong order " + word,
                                "body",
                                "We send the right item.",
                                "visibility",
                                "public"));
        String id = created.json().get("id").asString();
        String path = created.json().get("helpCenterPath").asString();
        admin().post("/api/v1/knowledge/articles/" + id + "/state", Map.of("state", "published"));

        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        var wait = HeadlessChromium.waitFor(browser);
        browser.get("http://localhost:" + port + "/knowledge/" + id);
        assertThat(browser.findElement(By.id("draft-editing")).getText()).contains("keeps your changes as a draft");
        var body = browser.findElement(By.id("article-body"));
        body.clear();
        body.sendKeys("We send the right item and a voucher.");
        browser.findElement(By.id("save-article")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-pending")));
        assertThat(browser.findElement(By.id("notice-saved")).getText()).contains("saved as a draft");
        assertThat(browser.findElement(By.id("article-state")).getText()).isEqualTo("Published");
        assertThat(browser.findElement(By.id("article-body")).getAttribute("value"))
                .isEqualTo("We send the right item and a voucher.");
        HeadlessChromium.assertAccessible(browser);
        assertThat(helpCenterText(path)).contains("We send the right item.").doesNotContain("voucher");

        browser.findElement(By.id("draft-move-review")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice-saved"), "sent to review"));
        assertThat(browser.findElements(By.id("draft-move-published"))).isEmpty();

        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, port, supervisor.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/knowledge/" + id);
        browser.findElement(By.id("draft-compare")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("article-diff"), "voucher"));
        browser.navigate().back();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("draft-move-published")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice-saved"), "readers see it now"));
        assertThat(browser.findElements(By.id("draft-pending"))).isEmpty();
        assertThat(browser.findElement(By.id("article-history")).getText()).contains("published, live");
        assertThat(helpCenterText(path)).contains("a voucher");
    }

    private String helpCenterText(String path) {
        var page = WebSession.anonymous(port).get(path);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.html().select("#article-body").text();
    }
}
