package dev.casekeeper.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import dev.casekeeper.support.Screenshots;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * What a supervisor sees in Chromium: the team's wallboard updating live as a customer starts
 * waiting, and the report page with its charts, their tables and the CSV link. Saves the screenshots
 * docs/reports.md shows (into target/docs/screenshots).
 */
class ReportsBrowserTests extends ApiTestBase {

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
    void theWallboardShowsACustomerWaitingAndTheDaysNewCaseWithoutAReload() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);
        browser = HeadlessChromium.start();
        HeadlessChromium.signIn(browser, port, supervisor.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/supervisor/wallboard?team=" + team);
        waitFor().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live-ready", "true"));
        assertThat(browser.findElement(By.cssSelector("#wb-waiting .wb-number")).getText())
                .isEqualTo("0");
        assertThat(browser.findElement(By.id("wb-created")).getText()).isEqualTo("0");
        // Marks this page: a reload would lose it, a live swap of the board keeps it.
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.notReloaded = true");

        var caseId = openCase(admin(), team, "Activation key lost after reinstall");
        var queued = admin().post("/api/v1/routing/contacts", Map.of("caseId", caseId, "channel", "chat"));
        assertThat(queued.status()).as(queued.toString()).isEqualTo(201);

        waitFor().until(ExpectedConditions.textToBe(By.cssSelector("#wb-waiting .wb-number"), "1"));
        waitFor().until(ExpectedConditions.textToBe(By.id("wb-created"), "1"));
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.notReloaded"))
                .isEqualTo(true);
        assertThat(browser.findElement(By.id("wallboard-team")).getText()).startsWith("Team ");
        Screenshots.save(browser, "wallboard.png");
        HeadlessChromium.assertAccessible(browser);
    }

    @Test
    void theReportPageDrawsEachChartWithItsTableAndLinksTheCsv() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);
        openCase(supervisor.api(), team, "Charged twice for one order");
        browser = HeadlessChromium.start();
        HeadlessChromium.signIn(browser, port, supervisor.email(), PASSWORD);

        browser.findElement(By.id("view-reports")).click();
        waitFor().until(ExpectedConditions.urlContains("/reports"));
        browser.get("http://localhost:" + port + "/reports?period=week&team=" + team);

        waitFor().until(ExpectedConditions.textToBe(By.id("total-created"), "1"));
        var charts = browser.findElements(By.cssSelector("figure.report-chart"));
        assertThat(charts).hasSize(6);
        for (var chart : charts) {
            assertThat(chart.findElement(By.cssSelector("svg[role=img] title")).getAttribute("textContent"))
                    .isNotBlank();
            assertThat(chart.findElements(By.cssSelector(".legend li"))).isNotEmpty();
            assertThat(chart.findElement(By.cssSelector("details.chart-table table")))
                    .isNotNull();
            assertThat(chart.findElement(By.cssSelector("a.csv-link")).getAttribute("href"))
                    .contains("/api/v1/reports/metrics/csv")
                    .contains("team=" + team);
        }
        assertThat(browser.findElement(By.cssSelector("#report-table tfoot th")).getText())
                .isEqualTo("Total");
        // Business hours beside calendar time; nobody has answered yet.
        assertThat(browser.findElements(By.cssSelector("#report-table thead th")))
                .extracting(e -> e.getAttribute("textContent"))
                .contains("First response in business hours, median", "Resolution in business hours, 90th percentile");
        assertThat(browser.findElement(By.id("total-frt-business")).getText()).isEqualTo("–");
        assertThat(browser.findElement(By.id("silent-estimate")).getText()).contains("26");
        Screenshots.save(browser, "reports.png");
        HeadlessChromium.assertAccessible(browser);

        browser.findElement(By.id("at-risk-link")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("at-risk-title")));
        HeadlessChromium.assertAccessible(browser);

        browser.findElement(By.id("view-my-figures")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("compare-table")));
        HeadlessChromium.assertAccessible(browser);
    }

    private FluentWait<WebDriver> waitFor() {
        return HeadlessChromium.waitFor(browser).ignoring(StaleElementReferenceException.class);
    }
}
