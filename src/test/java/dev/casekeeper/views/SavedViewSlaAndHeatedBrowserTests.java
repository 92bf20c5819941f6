package dev.casekeeper.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.Duration;
import java.time.Instant;
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
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;

/**
 * In Debian's Chromium, an agent builds views with the view builder's SLA-state and heated filters:
 * each lists exactly the team's cases in that state, with their count on the page and in the sidebar.
 */
@MovesTime
class SavedViewSlaAndHeatedBrowserTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);

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
    void viewsBuiltWithTheSlaStateAndHeatedFiltersListAndCountTheRightCases() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        SlaFixture.teamPolicy(admin(), SlaFixture.alwaysOpenCalendar(admin()), team, false, null);
        var late = SlaFixture.openCase(agent.api(), team, "Parcel never arrived");
        TestClock.INSTANCE.advanceTo(due(agent.api(), late).plusSeconds(1));
        var angry = openCase(agent.api(), team, "Order 48213", "My order 48213 has not arrived.");
        openCase(agent.api(), team, "Returns", "How long do I have to send shoes back?");
        agent.api()
                .post(
                        "/api/v1/cases/" + angry + "/messages",
                        Map.of("body", "WHY IS NOBODY ANSWERING??? My order 48213 is still missing, this is a scam!"));
        await().atMost(WAIT)
                .until(() -> agent.api()
                        .get("/api/v1/cases/" + angry + "/frustration")
                        .json()
                        .get("heated")
                        .asBoolean());
        await().atMost(WAIT)
                .until(() -> !SlaFixture.clock(agent.api(), late, "first_response")
                        .get("breachedAt")
                        .isNull());

        browser = HeadlessChromium.start();
        var wait = HeadlessChromium.waitFor(browser).ignoring(StaleElementReferenceException.class);
        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);

        String breached = saveView(
                wait,
                "Late for my team",
                team,
                () -> browser.findElement(By.cssSelector("input[name=slaStates][value=breached]"))
                        .click());
        showsOnly(wait, number(agent.api(), late));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#saved-view-" + breached + " .view-count"), "1"));

        String heated = saveView(
                wait,
                "Heated for my team",
                team,
                () -> new Select(browser.findElement(By.id("view-heated"))).selectByValue("yes"));
        showsOnly(wait, number(agent.api(), angry));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#saved-view-" + heated + " .view-count"), "1"));
        HeadlessChromium.assertAccessible(browser);
    }

    /** Builds a view of the team's cases with one more filter, saves it, and answers its id. */
    private String saveView(FluentWait<WebDriver> wait, String name, UUID team, Runnable filter) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-saved-view")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-name")))
                .sendKeys(name);
        new Select(browser.findElement(By.id("view-teamId"))).selectByValue(team.toString());
        filter.run();
        browser.findElement(By.id("save-view")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-total")));
        return browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
    }

    /**
     * The view's page lists this one case and counts one; a state the desk records just after the
     * event the test awaited shows at the next reload.
     */
    private void showsOnly(FluentWait<WebDriver> wait, long number) {
        wait.until(b -> {
            var rows = b.findElements(By.cssSelector("#saved-view-cases tr.case-row")).stream()
                    .map(row -> row.getDomAttribute("data-number"))
                    .toList();
            if (rows.equals(java.util.List.of(Long.toString(number)))) {
                return true;
            }
            b.navigate().refresh();
            return false;
        });
        assertThat(browser.findElement(By.id("view-total")).getText()).isEqualTo("one case");
    }

    private static UUID openCase(Api as, UUID team, String subject, String body) {
        var created = as.post(
                "/api/v1/cases",
                Map.of(
                        "subject",
                        subject,
                        "requester",
                        Map.of("email", "customer-" + UUID.randomUUID() + "@example.com", "name", "Maria Lopez"),
                        "message",
                        Map.of("body", body),
                        "teamId",
                        team));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private static long number(Api as, UUID kase) {
        return as.get("/api/v1/cases/" + kase).json().get("number").asLong();
    }

    private static Instant due(Api as, UUID kase) {
        var dueAt = new Instant[1];
        await().atMost(WAIT).untilAsserted(() -> {
            var first = SlaFixture.clock(as, kase, "first_response");
            assertThat(first.get("dueAt").isNull()).isFalse();
            dueAt[0] = Instant.parse(first.get("dueAt").asString());
        });
        return dueAt[0];
    }
}
