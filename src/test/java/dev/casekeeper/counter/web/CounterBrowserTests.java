package dev.casekeeper.counter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import dev.casekeeper.support.Screenshots;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The walk-in counter as people use it, in Debian's Chromium: a walk-in takes a ticket at the kiosk
 * and gets a slip; the waiting-room board shows the number without a reload; an agent sits at a desk
 * and calls it; the board moves it to "now serving" at that desk, live; the ticket is a counter case
 * with its steps on the timeline. Saves screenshots of the kiosk, the slip, the board and the desk
 * (into target/docs/screenshots).
 */
class CounterBrowserTests extends ApiTestBase {

    private WebDriver kiosk;
    private WebDriver board;
    private WebDriver desk;

    @BeforeAll
    static void chromiumIsInstalled() {
        Assumptions.assumeTrue(
                HeadlessChromium.installed(), "Browser tests need Debian's chromium and chromium-driver packages");
    }

    @AfterEach
    void closeBrowsers() {
        for (var browser : new WebDriver[] {kiosk, board, desk}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .ignoreExceptionsInstanceOf(NoSuchElementException.class)
                .ignoreExceptionsInstanceOf(StaleElementReferenceException.class);
    }

    private static String text(Supplier<WebDriver> browser, String css) {
        return browser.get().findElement(By.cssSelector(css)).getText();
    }

    @Test
    void aWalkInTakesATicketTheBoardShowsItAnAgentCallsItAndItIsACase() throws IOException {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var slug = "returns-" + UUID.randomUUID().toString().substring(0, 8);
        var location = admin().post(
                        "/api/v1/counter/locations",
                        Map.of("name", "Returns line, department store", "slug", slug, "zone", "America/Chicago"));
        assertThat(location.status()).as(location.toString()).isEqualTo(201);
        var locationId = location.json().get("id").asString();
        admin().post(
                        "/api/v1/counter/locations/" + locationId + "/reasons",
                        Map.of("label", "Returns and exchanges", "code", "R", "teamId", team));
        var base = "http://localhost:" + port;

        // The board is up in the waiting area before anyone comes.
        board = HeadlessChromium.start();
        board.get(base + "/counter/board/" + slug);
        eventually()
                .until(() -> "true".equals(board.findElement(By.tagName("body")).getAttribute("data-counter-live")));
        assertThat(board.findElements(By.cssSelector("#board-next li"))).isEmpty();

        // A walk-in takes a ticket at the kiosk, without signing in.
        kiosk = HeadlessChromium.start();
        kiosk.get(base + "/counter/kiosk/" + slug);
        HeadlessChromium.assertAccessible(kiosk);
        Screenshots.save(kiosk, "counter-kiosk.png");
        kiosk.findElement(By.cssSelector(".kiosk-reason")).click();
        kiosk.findElement(By.id("firstName")).sendKeys("Janelle");
        kiosk.findElement(By.id("take-ticket")).click();
        eventually().until(() -> text(() -> kiosk, "#ticket-number").equals("R-001"));
        assertThat(text(() -> kiosk, "#ticket-place")).isEqualTo("You are next.");
        assertThat(text(() -> kiosk, "#ticket-wait")).startsWith("Estimated wait:");
        HeadlessChromium.assertAccessible(kiosk);
        Screenshots.save(kiosk, "counter-slip.png");

        // The board shows the number without a reload.
        eventually().until(() -> text(() -> board, "#board-next").contains("R-001"));
        HeadlessChromium.assertAccessible(board);

        // An agent sits at a desk and calls the next ticket.
        desk = HeadlessChromium.start();
        HeadlessChromium.signIn(desk, port, agent.email(), PASSWORD);
        desk.get(base + "/counter/desk");
        new Select(desk.findElement(By.id("desk-location"))).selectByValue(locationId);
        desk.findElement(By.id("desk-name")).sendKeys("Desk 2");
        desk.findElement(By.id("desk-sit-button")).click();
        eventually().until(() -> text(() -> desk, "#desk-line").contains("R-001"));
        desk.findElement(By.id("call-next")).click();
        eventually().until(() -> text(() -> desk, "#desk-ticket").contains("Janelle"));
        HeadlessChromium.assertAccessible(desk);
        Screenshots.save(desk, "counter-desk.png");

        // The board moves it to "now serving" at that desk, live.
        eventually().until(() -> text(() -> board, "#board-serving").contains("R-001"));
        assertThat(text(() -> board, "#board-serving")).contains("Desk 2");
        assertThat(board.findElements(By.cssSelector("#board-next li"))).isEmpty();
        Screenshots.save(board, "counter-board.png");

        // The ticket is a case on the counter channel, its steps on the timeline.
        desk.findElement(By.id("ticket-case")).click();
        eventually().until(() -> desk.getCurrentUrl().contains("/cases/"));
        var number = Long.parseLong(desk.getCurrentUrl().replaceAll(".*/cases/(\\d+).*", "$1"));
        var cases = agent.api().get("/api/v1/cases?limit=100").json().get("items");
        var kase = cases.valueStream()
                .filter(c -> c.get("number").asLong() == number)
                .findFirst()
                .orElseThrow();
        assertThat(kase.get("channel").asString()).isEqualTo("counter");
        var timeline = agent.api()
                .get("/api/v1/cases/" + kase.get("id").asString())
                .json()
                .get("timeline");
        assertThat(timeline.valueStream()
                        .filter(e -> e.has("eventType") && !e.get("eventType").isNull())
                        .map(e -> e.get("eventType").asString()))
                .contains("counter_ticket_taken", "counter_called");
        assertThat(desk.findElement(By.tagName("main")).getText()).contains("R-001");
    }
}
