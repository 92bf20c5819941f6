package dev.casekeeper.agents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An agent sets up two-factor sign-in from their account page with an authenticator app (the QR
 * code, or the key typed in), keeps the recovery codes, and from then on signs in with their
 * password and a code.
 */
class TwoFactorBrowserTests extends ApiTestBase {

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
    void anAgentSetsUpAnAuthenticatorAppAndThenSignsInWithPasswordAndCode() throws Exception {
        var agent = newAgent("agent");
        String base = "http://localhost:" + port;
        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        var wait = HeadlessChromium.waitFor(browser);

        browser.get(base + "/account");
        browser.findElement(By.id("two-factor-link")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("two-factor-start")))
                .click();
        var qr = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("two-factor-qr")));
        assertThat(qr.getAttribute("src")).startsWith("data:image/svg+xml;base64,");
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                                .executeScript("return arguments[0].naturalWidth", qr))
                        .intValue())
                .as("the QR code is an image the browser draws")
                .isPositive();
        HeadlessChromium.assertAccessible(browser);
        var app = new AuthenticatorApp(
                browser.findElement(By.id("two-factor-secret")).getText());
        browser.findElement(By.id("confirm-code")).sendKeys(app.nextCode());
        browser.findElement(By.id("two-factor-confirm")).click();

        var codes = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes")));
        assertThat(codes.findElements(By.cssSelector("li code"))).hasSize(10);
        browser.manage().deleteAllCookies();

        browser.get(base + "/login");
        browser.findElement(By.id("email")).sendKeys(agent.email());
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/login/code"));
        browser.findElement(By.id("code")).sendKeys(app.nextCode());
        browser.findElement(By.id("login-code-submit")).click();

        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get(base + "/account");
        assertThat(browser.findElement(By.id("me")).getText()).contains(agent.email());
        var audit = admin().get("/api/v1/audit?actor=" + URLEncoder.encode(agent.email(), StandardCharsets.UTF_8))
                .json()
                .get("items")
                .valueStream()
                .map(e -> e.get("kind").asString())
                .toList();
        assertThat(audit).containsSubsequence("sign_in", "two_factor_enrolled", "sign_in");
    }
}
