package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.HeadlessChromium;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The chat widget on another site suggests the help center's public articles as the customer types
 * the topic; one she opens and then leaves without starting the chat counts as a chat deflection for
 * the article, and one she opens before starting the chat does not.
 */
class ChatSuggestionsBrowserTests extends ChatTestBase {

    private WebDriver browser;
    private ShopPage shop;

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
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void anArticleOpenedFromTheWidgetWithoutStartingTheChatIsAChatDeflection() {
        var desk = desk();
        String word = "cz" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "c");
        var article = publishedArticle("Late technician " + word);
        var internal = article("Technician escalation " + word, "internal");
        shop = ShopPage.serve(port, desk.mailbox(), "");
        browser = HeadlessChromium.start();
        var wait = HeadlessChromium.waitFor(browser);
        var widget = openWidget(wait);

        widget.findElement(By.id("ck-topic")).sendKeys("late technician " + word);
        String link = ".suggest a[data-help-article='" + article.get("number").asLong() + "']";
        var suggestion = wait.until(b -> widget.findElement(By.cssSelector(link)));
        assertThat(suggestion.getText()).isEqualTo("Late technician " + word);
        assertThat(suggestion.getDomAttribute("href"))
                .endsWith(article.get("helpCenterPath").asString());
        assertThat(widget.findElements(By.cssSelector(".suggest a"))).hasSize(1);
        assertThat(widget.findElements(By.cssSelector(".suggest a[data-help-article='"
                        + internal.get("number").asLong() + "']")))
                .isEmpty();
        String page = browser.getWindowHandle();
        suggestion.click();
        browser.switchTo().window(page);
        browser.get(shop.url());

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(stats(article).get("chatDeflections").asLong())
                                .isEqualTo(1));
        assertThat(stats(article).get("deflections").asLong()).isEqualTo(1);
    }

    @Test
    void anArticleOpenedBeforeStartingTheChatIsNoDeflection() {
        var desk = desk();
        String word = "cy" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "c");
        var article = publishedArticle("Wrong order " + word);
        shop = ShopPage.serve(port, desk.mailbox(), "");
        browser = HeadlessChromium.start();
        var wait = HeadlessChromium.waitFor(browser);
        var widget = openWidget(wait);

        widget.findElement(By.id("ck-name")).sendKeys("Maria Lopez");
        widget.findElement(By.id("ck-topic")).sendKeys("wrong order " + word);
        String page = browser.getWindowHandle();
        wait.until(b -> widget.findElement(By.cssSelector(
                        ".suggest a[data-help-article='" + article.get("number").asLong() + "']")))
                .click();
        browser.switchTo().window(page);
        widget.findElement(By.cssSelector(".intro button[type=submit]")).click();
        wait.until(b -> widget.findElement(By.id("ck-message")).isDisplayed());
        browser.get(shop.url());
        // The reload above ran pagehide; a deflection, if it were sent, would be there once the new page is.
        wait.until(b -> b.findElement(By.cssSelector("[data-casekeeper-chat]")));

        assertThat(stats(article).get("deflections").asLong()).isZero();
    }

    private SearchContext openWidget(WebDriverWait wait) {
        browser.get(shop.url());
        SearchContext widget = wait.until(b -> b.findElement(By.cssSelector("[data-casekeeper-chat]")))
                .getShadowRoot();
        widget.findElement(By.cssSelector(".launcher")).click();
        wait.until(b -> widget.findElement(By.id("ck-topic")).isDisplayed());
        return widget;
    }

    private JsonNode publishedArticle(String title) {
        var created = article(title, "public");
        var published = admin().post(
                        "/api/v1/knowledge/articles/" + created.get("id").asString() + "/state",
                        Map.of("state", "published"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return published.json();
    }

    private JsonNode article(String title, String visibility) {
        var created = admin().post(
                        "/api/v1/knowledge/articles",
                        Map.of(
                                "title",
                                title,
                                "summary",
                                "About " + title,
                                "body",
                                "Call us.",
                                "visibility",
                                visibility));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private JsonNode stats(JsonNode article) {
        return admin().get("/api/v1/knowledge/articles/" + article.get("id").asString() + "/stats")
                .json();
    }
}
