package dev.casekeeper.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What an editor clicks: she picks a picture for a public article, it is inserted in the text and shows
 * in the preview; after publishing, a visitor of the help center sees it in the article. Both pages stay
 * accessible (axe finds nothing).
 */
class ArticleFilesBrowserTests extends ApiTestBase {

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
    void aPictureUploadedInTheEditorShowsInThePreviewAndInThePublishedArticle() throws IOException {
        var supervisor = newAgent("supervisor");
        var created = supervisor
                .api()
                .post(
                        "/api/v1/knowledge/articles",
                        Map.of(
                                "title",
                                "Router lights " + UUID.randomUUID().toString().substring(0, 6),
                                "body",
                                "The lights on the front:",
                                "visibility",
                                "public"));
        String id = created.json().get("id").asString();
        String path = created.json().get("helpCenterPath").asString();

        HeadlessChromium.signIn(browser, port, supervisor.email(), PASSWORD);
        var wait = HeadlessChromium.waitFor(browser);
        browser.get("http://localhost:" + port + "/knowledge/" + id);
        assertThat(browser.findElement(By.id("article-files-none")).isDisplayed())
                .isTrue();
        var picture = Files.createTempFile("router-lights", ".png");
        Files.write(picture, HelpBrandTests.PNG);
        browser.findElement(By.id("article-files-input")).sendKeys(picture.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#article-files-list li")));
        Files.delete(picture);

        wait.until(d ->
                d.findElement(By.id("article-body")).getDomProperty("value").contains("](/help/files/"));
        assertThat(browser.findElement(By.id("article-body")).getDomProperty("value"))
                .startsWith("The lights on the front:\n![router-lights");
        var preview = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#article-preview img")));
        assertThat(preview.getDomAttribute("src")).startsWith("/knowledge/files/");
        wait.until(d -> loaded(d.findElement(By.cssSelector("#article-preview img"))));
        HeadlessChromium.assertAccessible(browser);

        var drawing = Files.createTempFile("diagram", ".svg");
        Files.writeString(drawing, "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        browser.findElement(By.id("article-files-input")).sendKeys(drawing.toString());
        var refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article-files-error")));
        Files.delete(drawing);
        assertThat(refused.getText()).contains(drawing.getFileName().toString()).contains("never SVG");
        assertThat(browser.findElements(By.cssSelector("#article-files-list li")))
                .hasSize(1);
        HeadlessChromium.assertAccessible(browser);

        browser.findElement(By.id("save-article")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice-saved")));
        browser.findElement(By.id("move-published")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("article-state"), "Published"));

        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + path);
        var shown = browser.findElement(By.cssSelector("#article-body img"));
        assertThat(shown.getDomAttribute("src")).startsWith("/help/files/");
        assertThat(shown.getDomAttribute("alt")).startsWith("router-lights");
        wait.until(d -> loaded(d.findElement(By.cssSelector("#article-body img"))));
        HeadlessChromium.assertAccessible(browser);
    }

    /** Whether the browser loaded the picture (a broken one has no natural width). */
    private boolean loaded(WebElement image) {
        Object width = ((JavascriptExecutor) browser)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth;", image);
        return width instanceof Number n && n.intValue() > 0;
    }
}
