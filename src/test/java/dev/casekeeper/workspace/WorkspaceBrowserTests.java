package dev.casekeeper.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import dev.casekeeper.support.Screenshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * What an agent clicks, in Debian's Chromium: sign in, see a case opened through the API arrive
 * without reloading, take it, reply, hand it over with a reason and a summary; the colleague, in a
 * browser of their own, finds it under My open cases with the summary on top, and cannot change
 * what the customer declared about themselves. Runs on a database of its own holding the demo desk,
 * and saves the screenshots the docs show (into target/docs/screenshots).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casekeeper.data-dir=${casekeeper.test.browser-data-dir:target/test-data/browser}")
@ActiveProfiles({"test", "demo"})
class WorkspaceBrowserTests extends ApiTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String DEMO_PASSWORD = "casekeeper-demo";

    @Autowired
    JdbcClient jdbc;

    private WebDriver priya;
    private WebDriver tom;

    @BeforeAll
    static void chromiumIsInstalled() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests need Debian's chromium and chromium-driver packages");
    }

    @AfterEach
    void closeBrowsers() {
        if (priya != null) {
            priya.quit();
        }
        if (tom != null) {
            tom.quit();
        }
    }

    @Test
    void aCaseGoesFromTheApiThroughOneAgentToAnotherWithItsSummaryOnTop() throws IOException {
        priya = browser();
        signIn(priya, "priya@demo.casekeeper.local");
        priya.findElement(By.id("view-unassigned")).click();
        waitFor(priya).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live-ready", "true"));

        // A case opened through the API shows up in Unassigned, with no reload.
        String subject = "Printer prints blank pages after the update";
        String customerEmail = "rosa.diaz@demo.example";
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                subject,
                                "requester",
                                Map.of("email", customerEmail, "name", "Rosa Diaz"),
                                "message",
                                Map.of("body", """
                        Since last night's update my printer only prints blank pages. I already restarted the \
                        printer and reinstalled the driver from your site. Order ORD-20417, serial PX-4471-KQ."""),
                                "channel",
                                "email",
                                "priority",
                                "high",
                                "tags",
                                java.util.List.of("printer", "update")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long number = created.json().get("number").asLong();
        var customerId = created.json().get("requesterId").asString();
        admin().patch(
                        "/api/v1/customers/" + customerId,
                        Map.of("fields", Map.of("pronouns", "she/her", "gender", "female"), "declaredBy", "customer"));

        WebElement row = waitFor(priya)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#results tr[data-number='" + number + "']")));
        assertThat(row.getText()).contains(subject, "Rosa Diaz");
        assertThat(priya.getCurrentUrl()).endsWith("/views/unassigned");
        HeadlessChromium.assertAccessible(priya);

        // Priya takes it and replies.
        row.findElement(By.cssSelector("a.case-link")).click();
        waitFor(priya).until(ExpectedConditions.urlContains("/cases/" + number));
        priya.findElement(By.cssSelector("#assign-me button")).click();
        waitFor(priya).until(ExpectedConditions.textToBe(By.id("case-owner"), "You"));
        priya.findElement(By.id("reply-body"))
                .sendKeys("Hello Rosa, I am sorry about the blank pages. I am on it now.");
        priya.findElement(By.cssSelector("#reply-form button[type=submit]")).click();
        waitFor(priya)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#timeline .entry-reply"), "I am on it now."));
        assertThat(priya.findElement(By.id("reply-body")).getAttribute("value")).isEmpty();
        HeadlessChromium.assertAccessible(priya);

        // She hands it to Tom, with the reason and a summary drafted from what Rosa said.
        priya.findElement(By.cssSelector("#transfer > summary")).click();
        new Select(priya.findElement(By.id("transfer-target"))).selectByVisibleText("Tom Becker");
        priya.findElement(By.id("transfer-reason")).sendKeys("Tom knows the printer firmware rollback");
        var summary = priya.findElement(By.id("transfer-summary"));
        assertThat(summary.getAttribute("value")).contains("ORD-20417", "reinstalled the driver");
        summary.sendKeys("\nShe prefers email; call only if she asks.");
        priya.findElement(By.cssSelector("#transfer-form button[type=submit]")).click();
        waitFor(priya).until(ExpectedConditions.textToBe(By.id("case-owner"), "Tom Becker"));

        // Tom, in a browser of his own, finds it under My open cases with the summary on top.
        tom = browser();
        signIn(tom, "tom@demo.casekeeper.local");
        assertThat(tom.findElement(By.cssSelector("#view-mine")).getAttribute("aria-current"))
                .isEqualTo("page");
        tom.findElement(By.cssSelector("#results tr[data-number='" + number + "'] a.case-link"))
                .click();
        var banner = waitFor(tom)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#handover .handover")));
        assertThat(banner.getText())
                .contains(
                        "Tom knows the printer firmware rollback",
                        "ORD-20417",
                        "She prefers email; call only if she asks.");
        assertThat(banner.getLocation().getY())
                .as("the summary is above the conversation")
                .isLessThan(tom.findElement(By.id("timeline")).getLocation().getY());
        Screenshots.save(tom, "case.png");
        HeadlessChromium.assertAccessible(tom);

        // What Rosa declared about herself is locked; a change Tom tries anyway is refused.
        tom.findElement(By.cssSelector("#edit-profile > summary")).click();
        assertThat(tom.findElement(By.id("profile-gender")).getAttribute("readonly"))
                .isNotNull();
        var language = tom.findElement(By.id("profile-language"));
        language.sendKeys("Spanish");
        admin().patch(
                        "/api/v1/customers/" + customerId,
                        Map.of("fields", Map.of("language", "Portuguese"), "declaredBy", "customer"));
        tom.findElement(By.cssSelector("#profile-form button[type=submit]")).click();
        var refusal =
                waitFor(tom).until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-language-error")));
        assertThat(refusal.getText())
                .isEqualTo("The customer declared this themselves as “Portuguese”. Only the customer can change it.");
        assertThat(tom.findElement(By.id("profile-language")).getAttribute("value"))
                .isEqualTo("Spanish");
        assertThat(admin().get("/api/v1/customers/" + customerId)
                        .json()
                        .get("fields")
                        .get("language")
                        .get("value")
                        .asString())
                .isEqualTo("Portuguese");

        // The workspace as Priya sees it now.
        priya.get(base() + "/views/open");
        waitFor(priya)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#results tr[data-number='" + number + "']")));
        Screenshots.save(priya, "workspace.png");
        HeadlessChromium.assertAccessible(priya);
    }

    @Test
    void aNewCustomerMessageAppearsInTheOpenTimelineAndWarnsTheDraft() {
        priya = browser();
        signIn(priya, "priya@demo.casekeeper.local");
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject", "Blue screen after login",
                                "requester", Map.of("email", "sam.okoro@demo.example", "name", "Sam Okoro"),
                                "message", Map.of("body", "My laptop shows a blue screen right after I log in.")));
        long number = created.json().get("number").asLong();
        priya.get(base() + "/cases/" + number);
        waitFor(priya).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live-ready", "true"));
        priya.findElement(By.id("reply-body")).sendKeys("Could you tell me the error code on the blue screen?");

        admin().post(
                        "/api/v1/cases/" + created.json().get("id").asString() + "/messages",
                        Map.of("body", "The screen says CRITICAL_PROCESS_DIED."));

        waitFor(priya)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "CRITICAL_PROCESS_DIED"));
        waitFor(priya).until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-landed-live")));
        HeadlessChromium.assertAccessible(priya);
        assertThat(priya.findElement(By.id("reply-body")).getAttribute("value"))
                .as("the draft is kept")
                .isEqualTo("Could you tell me the error code on the blue screen?");
    }

    @Test
    void aPageWhoseNodeMayHaveMissedChangesReloadsEveryLivePart() {
        priya = browser();
        signIn(priya, "priya@demo.casekeeper.local");
        long number = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject", "Invoice sent twice",
                                "requester", Map.of("email", "sam.okoro@demo.example", "name", "Sam Okoro"),
                                "message", Map.of("body", "I got the same invoice twice this month.")))
                .json()
                .get("number")
                .asLong();
        priya.get(base() + "/cases/" + number);
        waitFor(priya).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live-ready", "true"));
        var refreshes = List.of(
                "cases-changed",
                "notifications-changed",
                "routing-changed",
                "queues-changed",
                "case-changed-" + number,
                "presence-changed-" + number,
                "contact-changed-" + number);
        ((JavascriptExecutor) priya).executeScript("""
                        window.heard = new Set();
                        arguments[0].forEach(name => document.body.addEventListener(name, () => window.heard.add(name)));""", refreshes);

        // The node's bus loses its database connection: once back, it tells the page it may have missed changes.
        jdbc.sql(
                        "select pg_terminate_backend(pid) from pg_stat_activity where application_name like 'casekeeper bus %'")
                .query()
                .listOfRows();

        waitFor(priya)
                .withTimeout(Duration.ofSeconds(20))
                .until(browser ->
                        ((Number) ((JavascriptExecutor) browser).executeScript("return window.heard.size")).intValue()
                                == refreshes.size());
    }

    @Test
    void keyboardShortcutsMoveThroughTheListAndOpenTheHelp() {
        priya = browser();
        signIn(priya, "priya@demo.casekeeper.local");
        priya.get(base() + "/views/open");
        var body = priya.findElement(By.tagName("body"));

        body.sendKeys("j");
        String first = waitFor(priya).until(WorkspaceBrowserTests::selectedNumber);
        body.sendKeys("?");

        waitFor(priya).until(ExpectedConditions.visibilityOfElementLocated(By.id("help")));
        waitFor(priya)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#help button")))
                .click();
        // Where the closed help gives the focus back depends on what the page redrew meanwhile (the
        // demo's own changes refresh the list): the keys go to the page, as a user's would.
        priya.findElement(By.tagName("body")).sendKeys("j");
        // The list may be re-rendered by a live refresh meanwhile: what counts is the row selected now.
        waitFor(priya).until(browser -> {
            var now = selectedNumber(browser);
            return now != null && !now.equals(first);
        });
        priya.switchTo().activeElement().sendKeys("\n");
        waitFor(priya).until(ExpectedConditions.urlContains("/cases/"));
        waitFor(priya).until(ExpectedConditions.presenceOfElementLocated(By.id("reply-body")));
        priya.findElement(By.tagName("body")).sendKeys("r");
        waitFor(priya)
                .until(browser ->
                        "reply-body".equals(browser.switchTo().activeElement().getAttribute("id")));

        // The help, open over the case page, passes axe-core too.
        priya.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
        priya.findElement(By.tagName("body")).sendKeys("?");
        waitFor(priya).until(ExpectedConditions.visibilityOfElementLocated(By.id("help")));
        HeadlessChromium.assertAccessible(priya);
    }

    /** The number of the selected row of the list, or null while there is none (or it is being replaced). */
    private static @Nullable String selectedNumber(WebDriver browser) {
        try {
            var selected = browser.findElements(By.cssSelector("#results tr.case-row.selected"));
            return selected.isEmpty() ? null : selected.getFirst().getAttribute("data-number");
        } catch (StaleElementReferenceException e) {
            return null;
        }
    }

    private void signIn(WebDriver browser, String email) {
        browser.get(base() + "/login");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("views")));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(10), HeadlessChromium.POLL);
    }

    private static WebDriver browser() {
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--disable-component-update",
                "--no-first-run",
                "--window-size=1280,1000",
                // No --user-data-dir: chromedriver gives each browser a fresh profile and removes it on quit.
                "--lang=en-US");
        return new ChromeDriver(service, options);
    }
}
