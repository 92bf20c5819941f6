package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.Role;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.routing.ContactId;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.support.HeadlessChromium;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The widget as a customer uses it, in Chromium, on a page of another site: every line of the chat
 * in the server's order whatever the network does, told when an agent is being offered the chat,
 * and every control within reach of a mouse, on a desktop and on a phone.
 */
class ChatWidgetBrowserTests extends ChatTestBase {

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

    /** The chat's lines as the customer reads them, top to bottom. */
    private static List<String> lines(SearchContext widget) {
        return widget.findElements(By.cssSelector(".log li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static void assertInThisOrder(List<String> lines, String... fragments) {
        int at = -1;
        for (String fragment : fragments) {
            int found = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(fragment)) {
                    found = i;
                    break;
                }
            }
            assertThat(found)
                    .as("\"" + fragment + "\" after line " + at + " in " + lines)
                    .isGreaterThan(at);
            at = found;
        }
    }

    @Test
    void everyLineStaysInTheServersOrderThroughAHoldALateAcknowledgementAndAReload() {
        var desk = desk();
        var alex = agent(desk.team(), Role.AGENT, true);
        shop = ShopPage.serve(port, desk.mailbox(), ShopPage.ACK_GATE);
        browser = HeadlessChromium.start();
        var wait = HeadlessChromium.waitFor(browser);
        var widget = openWidget(wait);
        widget.findElement(By.id("ck-name")).sendKeys("Maria Lopez");
        widget.findElement(By.cssSelector(".intro button[type=submit]")).click();
        widget.findElement(By.id("ck-message")).sendKeys("The router from order 4471 is broken.", Keys.ENTER);
        wait.until(b -> !widget.findElements(By.cssSelector(".log .customer:not(.pending)"))
                .isEmpty());
        String token = (String) ((JavascriptExecutor) browser)
                .executeScript(
                        "return JSON.parse(localStorage.getItem('casekeeper.chat." + desk.mailbox() + "')).token");
        var chat = chatOf(token, desk);

        // Offered to Alex: the customer reads that an agent is being asked, not a wait estimate.
        await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(chat).state() == ContactState.OFFERED);
        wait.until(b -> widget.findElement(By.cssSelector(".status"))
                .getText()
                .equals("An agent is being asked to take your chat now."));
        queues.accept(contactOf(chat).offerId(), alex.id());
        wait.until(b -> String.join("\n", lines(widget)).contains(alex.name() + " joined the chat."));

        var signedIn = agents.signedIn(alex.id()).orElseThrow();
        var contact = new ContactId(chat.contactId());
        liveContacts.hold(contact, signedIn);
        wait.until(b -> String.join("\n", lines(widget)).contains("You are on hold"));
        liveContacts.resume(contact, signedIn);
        wait.until(b -> String.join("\n", lines(widget)).contains("The agent is back with you."));

        // The customer's next message is stored, but its acknowledgement arrives only after Alex's answer.
        ((JavascriptExecutor) browser).executeScript("window.ckHoldAcks = true");
        widget.findElement(By.id("ck-message")).sendKeys("Is anyone there?", Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> customerMessages(new CaseId(chat.caseId())) == 2);
        cases.reply(new CaseId(chat.caseId()), "Yes, still here: a new router ships today.", null, signedIn);
        wait.until(b -> String.join("\n", lines(widget)).contains("a new router ships today"));
        ((JavascriptExecutor) browser).executeScript("window.ckRelease()");
        wait.until(b -> widget.findElements(By.cssSelector(".log .pending")).isEmpty());

        String[] inOrder = {
            "order 4471",
            alex.name() + " joined",
            "You are on hold",
            "The agent is back",
            "Is anyone there?",
            "a new router ships today"
        };
        assertInThisOrder(lines(widget), inOrder);

        // Back on the page later: the chat is read again from the server, in the same order.
        browser.navigate().refresh();
        SearchContext again = wait.until(b -> b.findElement(By.cssSelector("[data-casekeeper-chat]")))
                .getShadowRoot();
        again.findElement(By.cssSelector(".launcher")).click();
        wait.until(b -> String.join("\n", lines(again)).contains("a new router ships today"));
        assertInThisOrder(lines(again), inOrder);
    }

    /** Whether a mouse can reach the element: inside the window, and not covered or cut off at its centre. */
    private boolean reachable(WebElement element) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript("""
                const e = arguments[0], r = e.getBoundingClientRect();
                const hit = e.getRootNode().elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return r.width > 0 && r.top >= 0 && r.bottom <= window.innerHeight && (hit === e || e.contains(hit));""", element);
    }

    /** Rolls the mouse wheel over the panel, as someone looking for the rest of the form would. */
    private void wheelOver(WebElement panel) {
        new Actions(browser)
                .scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(panel, 0, 40), 0, 600)
                .perform();
    }

    @Test
    void withNobodyAvailableTheFormAndItsStartButtonAreWithinReachAndOnAPhoneTheWidgetFillsTheScreen() {
        var desk = desk();
        shop = ShopPage.serve(port, desk.mailbox(), "");
        browser = HeadlessChromium.start();
        var wait = HeadlessChromium.waitFor(browser);
        var widget = openWidget(wait);
        wait.until(b -> widget.findElement(By.cssSelector(".offline")).isDisplayed());
        var panel = widget.findElement(By.cssSelector(".panel"));
        var start = widget.findElement(By.cssSelector(".intro button[type=submit]"));
        wheelOver(panel);
        wait.until(b -> reachable(start));
        assertThat(reachable(widget.findElement(By.id("ck-topic")))).isTrue();

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        var phone = openWidget(wait);
        wait.until(b -> phone.findElement(By.cssSelector(".offline")).isDisplayed());
        var full = phone.findElement(By.cssSelector(".panel"));
        @SuppressWarnings("unchecked")
        var box = (List<Number>) ((JavascriptExecutor) browser)
                .executeScript(
                        "const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width - innerWidth, r.height - innerHeight];",
                        full);
        assertThat(box).extracting(Number::intValue).containsExactly(0, 0, 0, 0);
        var phoneStart = phone.findElement(By.cssSelector(".intro button[type=submit]"));
        wheelOver(full);
        wait.until(b -> reachable(phoneStart));
        phone.findElement(By.id("ck-name")).sendKeys("Maria Lopez");
        phoneStart.click();
        wait.until(b -> phone.findElement(By.id("ck-message")).isDisplayed());
    }
}
