package dev.casekeeper.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What an admin clicks: the help center's name, colours and logo on the admin page, and then every
 * help-center page in them, still accessible (axe finds nothing).
 */
class HelpBrandBrowserTests extends ApiTestBase {

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        assumeTrue(HeadlessChromium.installed(), "Chromium and chromedriver are not installed");
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowserAndResetTheBrand() {
        if (browser != null) {
            browser.quit();
        }
        admin().send("PUT", "/api/v1/knowledge/brand", Map.of("name", "Help center"));
        admin().delete("/api/v1/knowledge/brand/logo");
    }

    @Test
    void anAdminBrandsTheHelpCenterAndItStaysAccessible() throws IOException {
        HeadlessChromium.signIn(browser, port, ADMIN_EMAIL, ADMIN_PASSWORD);
        var wait = HeadlessChromium.waitFor(browser);
        browser.get("http://localhost:" + port + "/admin/help-center");
        HeadlessChromium.assertAccessible(browser);
        var name = browser.findElement(By.id("brand-name"));
        name.clear();
        name.sendKeys("Nordwind Support");
        browser.findElement(By.id("brand-accent")).sendKeys("#ffcc00");
        browser.findElement(By.id("brand-header")).sendKeys("#fff4d6");
        browser.findElement(By.id("save-brand")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("brand-accent-error")));
        assertThat(browser.findElement(By.id("brand-accent-error")).getText()).contains("contrast");
        HeadlessChromium.assertAccessible(browser);

        var accent = browser.findElement(By.id("brand-accent"));
        accent.clear();
        accent.sendKeys("#7a1f1f");
        browser.findElement(By.id("save-brand")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice-saved")));
        var logo = Files.createTempFile("logo", ".png");
        Files.write(logo, HelpBrandTests.PNG);
        browser.findElement(By.id("brand-logo-file")).sendKeys(logo.toString());
        browser.findElement(By.id("upload-logo")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("brand-logo")));
        Files.delete(logo);

        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/help");
        assertThat(browser.findElement(By.id("help-brand")).getText()).isEqualTo("Nordwind Support");
        assertThat(browser.findElement(By.id("help-logo")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector(".help-header")).getCssValue("background-color"))
                .isEqualTo("rgba(255, 244, 214, 1)");
        assertThat(browser.findElement(By.cssSelector(".help-header .brand")).getCssValue("color"))
                .isEqualTo("rgba(122, 31, 31, 1)");
        HeadlessChromium.assertAccessible(browser);
        browser.get("http://localhost:" + port + "/help/search?q=router");
        assertThat(browser.getTitle()).contains("Nordwind Support");
        HeadlessChromium.assertAccessible(browser);
    }
}
