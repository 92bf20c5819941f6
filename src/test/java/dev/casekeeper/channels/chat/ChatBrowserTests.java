package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.casekeeper.agents.Role;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.support.HeadlessChromium;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;

/**
 * A page of another site, served by the test, carries the widget's one script tag. A customer chats
 * there with an agent signed into the workspace: both see each other's messages and typing, and
 * the customer sees who joined.
 */
class ChatBrowserTests extends ChatTestBase {

    private WebDriver browser;
    private HttpServer site;

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
        if (site != null) {
            site.stop(0);
        }
    }

    @Test
    void aCustomerOnAnotherSiteAndAnAgentInTheWorkspaceSeeEachOthersMessagesAndTyping() throws IOException {
        var desk = desk();
        var alex = agent(desk.team(), Role.AGENT, true);
        serveShop(desk);

        browser = HeadlessChromium.start();
        String customerTab = browser.getWindowHandle();
        browser.get("http://localhost:" + site.getAddress().getPort() + "/");
        var wait = HeadlessChromium.waitFor(browser);
        SearchContext widget = wait.until(b -> b.findElement(By.cssSelector("[data-casekeeper-chat]")))
                .getShadowRoot();
        widget.findElement(By.cssSelector(".launcher")).click();
        wait.until(b -> widget.findElement(By.cssSelector(".launcher"))
                .getDomAttribute("aria-label")
                .equals("Chat with us"));
        widget.findElement(By.id("ck-name")).sendKeys("Maria Lopez");
        widget.findElement(By.id("ck-topic")).sendKeys("Router");
        widget.findElement(By.cssSelector(".intro button[type=submit]")).click();
        widget.findElement(By.id("ck-message")).sendKeys("My router keeps rebooting.", Keys.ENTER);
        // Acknowledged: stored as the case's first message.
        wait.until(b -> widget.findElement(By.cssSelector(".log .customer:not(.pending)"))
                .getText()
                .contains("My router keeps rebooting."));
        HeadlessChromium.assertAccessible(browser);

        String token = (String) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                        "return JSON.parse(localStorage.getItem('casekeeper.chat." + desk.mailbox() + "')).token");
        var chat = chatOf(token, desk);
        await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(chat).state() == ContactState.OFFERED);
        queues.accept(contactOf(chat).offerId(), alex.id());
        wait.until(
                b -> widget.findElement(By.cssSelector(".log")).getText().contains(alex.name() + " joined the chat."));

        browser.switchTo().newWindow(WindowType.TAB);
        String agentTab = browser.getWindowHandle();
        HeadlessChromium.signIn(browser, port, alex.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/cases/" + chat.caseNumber());
        wait.until(
                b -> b.findElement(By.cssSelector("[data-chat-log]")).getText().contains("My router keeps rebooting."));
        // One composer, the case's, which says where the reply goes; the customer sees the agent type in it.
        assertThat(browser.findElements(By.cssSelector("#chat-panel textarea, #chat-input")))
                .isEmpty();
        assertThat(browser.findElement(By.id("reply-channel")).getText())
                .contains("Your reply goes to the customer's chat.");
        wait.until(b ->
                b.findElement(By.cssSelector("[data-chat-state]")).getText().equals("Chatting"));
        HeadlessChromium.assertAccessible(browser);
        browser.findElement(By.id("reply-body")).sendKeys("I am sorry about that");
        browser.switchTo().window(customerTab);
        wait.until(b -> widget.findElement(By.cssSelector(".status")).getText().contains(alex.name() + " is typing"));

        browser.switchTo().window(agentTab);
        browser.findElement(By.id("reply-body")).sendKeys(", Maria. Let us fix it.");
        browser.findElement(By.cssSelector("#reply-form button[type=submit]")).click();
        wait.until(b -> b.findElement(By.cssSelector("[data-chat-log] .chat-agent"))
                .getText()
                .contains("Let us fix it."));
        browser.switchTo().window(customerTab);
        wait.until(b -> widget.findElement(By.cssSelector(".log .agent"))
                .getText()
                .contains("I am sorry about that, Maria. Let us fix it."));
        widget.findElement(By.id("ck-message")).sendKeys("Thank you");

        browser.switchTo().window(agentTab);
        wait.until(b ->
                b.findElement(By.cssSelector("[data-chat-typing]")).getText().contains("The customer is typing"));
        browser.switchTo().window(customerTab);
        widget.findElement(By.id("ck-message")).sendKeys("!", Keys.ENTER);
        browser.switchTo().window(agentTab);
        wait.until(
                b -> b.findElement(By.cssSelector("[data-chat-log]")).getText().contains("Thank you!"));
    }

    @Test
    void theChatPanelKeepsTheNewestLineInViewAndAnEndedChatSaysItEndedAfterAReload() {
        var desk = desk();
        var alex = agent(desk.team(), Role.AGENT, true);
        try (var customer = widget()) {
            String token =
                    hello(customer, desk, null, 0).next("welcome").get("token").asString();
            customer.send(java.util.Map.of("type", "message", "id", "c-1", "text", "My router keeps rebooting."));
            customer.next("ack");
            var chat = chatOf(token, desk);
            await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(chat).state() == ContactState.OFFERED);
            queues.accept(contactOf(chat).offerId(), alex.id());
            var signedIn = agents.signedIn(alex.id()).orElseThrow();
            var caseId = new dev.casekeeper.cases.CaseId(chat.caseId());
            for (int i = 1; i <= 25; i++) {
                cases.reply(caseId, "Step " + i + " of 25: unplug it, wait, plug it in again.", null, signedIn);
            }
            customer.next("message", f -> f.path("text").asString("").startsWith("Step 25 of 25"));

            browser = HeadlessChromium.start();
            var wait = HeadlessChromium.waitFor(browser);
            HeadlessChromium.signIn(browser, port, alex.email(), PASSWORD);
            browser.get("http://localhost:" + port + "/cases/" + chat.caseNumber());
            wait.until(b ->
                    b.findElement(By.cssSelector("[data-chat-log]")).getText().contains("Step 25 of 25"));
            String atTheBottom = """
                    const log = document.querySelector('[data-chat-log]');
                    return log.scrollHeight > log.clientHeight && log.scrollTop + log.clientHeight >= log.scrollHeight - 2;""";
            wait.until(b -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) b).executeScript(atTheBottom));
            // A new message also reloads the page's parts around the panel (the timeline, the context
            // column): the panel keeps its connection, and its log stays at the newest line.
            customer.send(java.util.Map.of("type", "message", "id", "c-2", "text", "Done, it is still rebooting."));
            wait.until(b -> b.findElement(By.id("timeline")).getText().contains("Done, it is still rebooting."));
            wait.until(b -> b.findElement(By.cssSelector("[data-chat-log]"))
                    .getText()
                    .contains("Done, it is still rebooting."));
            assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(atTheBottom))
                    .isTrue();

            liveContacts.end(new dev.casekeeper.routing.ContactId(chat.contactId()), signedIn);
            wait.until(b -> b.findElement(By.cssSelector("p[data-chat-state]"))
                    .getText()
                    .equals("Ended"));
            // The composer follows: it says the chat ended, without a reload.
            wait.until(b -> b.findElement(By.id("reply-channel")).getText().contains("The chat has ended"));

            browser.navigate().refresh();
            wait.until(b ->
                    b.findElement(By.cssSelector("[data-chat-log]")).getText().contains("Step 25 of 25"));
            assertThat(browser.findElement(By.cssSelector("p[data-chat-state]")).getText())
                    .isEqualTo("Ended");
            assertThat(browser.findElement(By.cssSelector("[data-chat-log]")).getText())
                    .contains("The chat has ended.");
        }
    }

    /** Another site's page with the widget's one script tag, served by the test. */
    private void serveShop(Desk desk) throws IOException {
        String page = "<!DOCTYPE html><html lang=\"en\"><head><title>Shop</title></head><body><h1>Shop</h1>"
                + "<script src=\"http://localhost:" + port + "/widget.js\" data-mailbox=\"" + desk.mailbox()
                + "\" async></script>"
                + "</body></html>";
        site = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        site.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
    }

    /** Opens the widget on the shop's page, fills in the short form and sends the first message. */
    private SearchContext startChat(String name, String first) {
        browser.get("http://localhost:" + site.getAddress().getPort() + "/");
        var wait = HeadlessChromium.waitFor(browser);
        SearchContext widget = wait.until(b -> b.findElement(By.cssSelector("[data-casekeeper-chat]")))
                .getShadowRoot();
        widget.findElement(By.cssSelector(".launcher")).click();
        wait.until(b -> widget.findElement(By.cssSelector(".launcher"))
                .getDomAttribute("aria-label")
                .equals("Chat with us"));
        widget.findElement(By.id("ck-name")).sendKeys(name);
        widget.findElement(By.cssSelector(".intro button[type=submit]")).click();
        widget.findElement(By.id("ck-message")).sendKeys(first, Keys.ENTER);
        wait.until(b -> widget.findElement(By.cssSelector(".log .customer:not(.pending)"))
                .getText()
                .contains(first));
        return widget;
    }

    private Conversation chatInBrowser(Desk desk) {
        String token = (String) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                        "return JSON.parse(localStorage.getItem('casekeeper.chat." + desk.mailbox() + "')).token");
        return chatOf(token, desk);
    }

    @Test
    void aWarmTransferShowsTheColleagueTheSummaryFirstAndTheCustomerSeesThemTakeOver() throws IOException {
        var desk = desk();
        var alex = agent(desk.team(), Role.AGENT, true);
        var sam = agent(desk.team(), Role.AGENT, false);
        serveShop(desk);
        browser = HeadlessChromium.start();
        String customerTab = browser.getWindowHandle();
        var wait = HeadlessChromium.waitFor(browser);
        SearchContext widget = startChat("Maria Lopez", "The replacement router from order 4471 is broken too.");
        var chat = chatInBrowser(desk);
        await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(chat).state() == ContactState.OFFERED);
        queues.accept(contactOf(chat).offerId(), alex.id());
        wait.until(
                b -> widget.findElement(By.cssSelector(".log")).getText().contains(alex.name() + " joined the chat."));

        browser.switchTo().newWindow(WindowType.TAB);
        String alexTab = browser.getWindowHandle();
        HeadlessChromium.signIn(browser, port, alex.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/cases/" + chat.caseNumber());
        wait.until(
                b -> b.findElement(By.cssSelector("[data-chat-log]")).getText().contains("order 4471"));
        wait.until(b -> b.findElement(By.cssSelector("#contact-invite summary")))
                .click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("contact-invite-agent")))
                .selectByValue(sam.id().value().toString());
        browser.findElement(By.id("contact-invite-reason")).sendKeys("Sam handles replacements");
        browser.findElement(By.id("contact-invite-summary"))
                .sendKeys("Second router from order 4471 broken; first was replaced last week");
        browser.findElement(By.cssSelector("#contact-invite-form button[type=submit]"))
                .click();

        browser.switchTo().window(customerTab);
        wait.until(b ->
                widget.findElement(By.cssSelector(".log")).getText().contains("The agent asked a colleague to help."));

        WebDriver samBrowser = HeadlessChromium.start();
        try {
            var samWait = HeadlessChromium.waitFor(samBrowser);
            HeadlessChromium.signIn(samBrowser, port, sam.email(), PASSWORD);
            // The invitation shows what the customer already said before Sam joins the conversation.
            var card = samWait.until(b -> b.findElement(By.cssSelector(".invitation-card")));
            assertThat(card.getText()).contains("Second router from order 4471 broken");
            HeadlessChromium.assertAccessible(samBrowser);
            card.findElement(By.cssSelector("[data-invitation-accept]")).click();
            wait.until(b ->
                    widget.findElement(By.cssSelector(".log")).getText().contains(sam.name() + " joined the chat."));

            browser.switchTo().window(alexTab);
            browser.get("http://localhost:" + port + "/cases/" + chat.caseNumber());
            wait.until(b -> b.findElement(By.id("leave-button"))).click();
            browser.switchTo().window(customerTab);
            wait.until(b ->
                    widget.findElement(By.cssSelector(".log")).getText().contains(alex.name() + " left the chat."));

            samBrowser.get("http://localhost:" + port + "/cases/" + chat.caseNumber());
            samWait.until(b ->
                    b.findElement(By.cssSelector("[data-chat-log]")).getText().contains("order 4471"));
            HeadlessChromium.assertAccessible(samBrowser);
            samBrowser
                    .findElement(By.id("reply-body"))
                    .sendKeys("Maria, I have the whole story; a new model ships today.");
            samBrowser
                    .findElement(By.cssSelector("#reply-form button[type=submit]"))
                    .click();
            wait.until(b -> widget.findElement(By.cssSelector(".log")).getText().contains("a new model ships today"));
            assertThat(lookup.detail(new dev.casekeeper.cases.CaseId(chat.caseId()))
                            .summary()
                            .ownerId())
                    .isEqualTo(sam.id());
        } finally {
            samBrowser.quit();
        }
    }
}
