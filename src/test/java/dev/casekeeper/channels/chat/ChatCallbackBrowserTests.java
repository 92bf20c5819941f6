package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.Role;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.support.HeadlessChromium;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The widget's "call me back": a customer waiting in the queue, or finding nobody available, says
 * yes with a phone number or an email and a time window, and the team gets an owned callback task
 * promising that window, in Chromium.
 */
class ChatCallbackBrowserTests extends ChatTestBase {

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

    private SearchContext openWidget(WebDriverWait wait) {
        browser.get(shop.url());
        SearchContext widget = wait.until(b -> b.findElement(By.cssSelector("[data-casekeeper-chat]")))
                .getShadowRoot();
        widget.findElement(By.cssSelector(".launcher")).click();
        wait.until(b -> "Chat with us"
                .equals(widget.findElement(By.cssSelector(".launcher")).getDomAttribute("aria-label")));
        return widget;
    }

    @Test
    void aCustomerWaitingInTheQueueAsksToBeCalledBackInsteadInAWindowAndTheTeamOwesHerTheCall() {
        var desk = desk();
        agent(desk.team(), Role.AGENT, true);
        shop = ShopPage.serve(port, desk.mailbox(), "");
        browser = HeadlessChromium.start();
        var wait = HeadlessChromium.waitFor(browser);
        var widget = openWidget(wait);
        widget.findElement(By.id("ck-name")).sendKeys("Maria Lopez");
        widget.findElement(By.cssSelector(".intro button[type=submit]")).click();
        widget.findElement(By.id("ck-message")).sendKeys("I was on hold for 40 minutes yesterday.", Keys.ENTER);
        var call = wait.until(b -> {
            var button = widget.findElement(By.cssSelector("[data-action=call-instead]"));
            return button.isDisplayed() ? button : null;
        });
        String token = (String) ((JavascriptExecutor) browser)
                .executeScript(
                        "return JSON.parse(localStorage.getItem('casekeeper.chat." + desk.mailbox() + "')).token");

        call.click();
        widget.findElement(By.id("ck-offline-phone")).sendKeys("+44 20 7946 0018");
        var windows = new Select(widget.findElement(By.id("ck-callback-window")));
        assertThat(windows.getOptions()).hasSizeGreaterThan(1);
        windows.selectByIndex(1);
        widget.findElement(By.cssSelector(".contact button[type=submit]")).click();

        wait.until(b -> widget.findElements(By.cssSelector(".log li")).stream()
                .anyMatch(li -> li.getText().contains("we will call you back")));
        var chat = chatOf(token, desk);
        await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(chat).state() == ContactState.ABANDONED);
        var callback = callbackOf(chat.caseId());
        assertThat(callback.get("phone")).isEqualTo("+44 20 7946 0018");
        assertThat(callback.get("source")).isEqualTo("widget");
        assertThat(callback.get("owner_id")).isNull();
        assertThat(callback.get("state")).isEqualTo("open");
        var from = ((Timestamp) callback.get("window_from")).toInstant();
        var until = ((Timestamp) callback.get("window_until")).toInstant();
        assertThat(Duration.between(from, until)).isEqualTo(Duration.ofHours(2));
        // The second choice is a later slot than "as soon as possible".
        assertThat(from).isAfter(((Timestamp) callback.get("created_at")).toInstant());
    }

    @Test
    void withNobodyAvailableTheCustomerAsksForACallByEmailInAWindow() {
        var desk = desk();
        shop = ShopPage.serve(port, desk.mailbox(), "");
        browser = HeadlessChromium.start();
        var wait = HeadlessChromium.waitFor(browser);
        var widget = openWidget(wait);
        wait.until(b -> widget.findElement(By.cssSelector(".offline")).isDisplayed());

        widget.findElement(By.cssSelector("[data-action=callback]")).click();
        widget.findElement(By.id("ck-offline-message")).sendKeys("Please call me about my refund.");
        widget.findElement(By.id("ck-offline-email")).sendKeys("maria@example.com");
        widget.findElement(By.cssSelector(".contact button[type=submit]")).click();

        wait.until(b -> widget.findElements(By.cssSelector(".log li")).stream()
                .anyMatch(li -> li.getText().contains("we will call you back")));
        String token = (String) ((JavascriptExecutor) browser)
                .executeScript(
                        "return JSON.parse(localStorage.getItem('casekeeper.chat." + desk.mailbox() + "')).token");
        await().atMost(Duration.ofSeconds(10)).until(() -> chatOf(token, desk).caseId() != null);
        var callback = callbackOf(chatOf(token, desk).caseId());
        assertThat(callback.get("email")).isEqualTo("maria@example.com");
        assertThat(callback.get("state")).isEqualTo("open");
    }

    private Map<String, Object> callbackOf(UUID caseId) {
        List<Map<String, Object>> rows = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.sql("select * from callbacks.callback where case_id = :c")
                                .param("c", caseId)
                                .query()
                                .listOfRows(),
                        list -> list.size() == 1);
        return rows.getFirst();
    }
}
