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
        Assumptions.assumeTrue(HeadlessChromium.installed(), "Browser tests need Debian's chromium and chromium-driver packages");
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
        String page = "<!DOCTYPE html><html lang=\"en\"><head><title>Shop</title></head><body><h1>Shop</h1>"
                + "<script src=\"http://localhost:" + port + "/widget.js\" data-mailbox=\"" + desk.mailbox() + "\" async></script>"
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

        browser = HeadlessChromium.start();
        String customerTab = browser.getWindowHandle();
        browser.get("http://localhost:" + site.getAddress().getPort() + "/");
        var wait = HeadlessChromium.waitFor(browser);
        SearchContext widget = wait.until(b -> b.findElement(By.cssSelector("[data-casekeeper-chat]"))).getShadowRoot();
        widget.findElement(By.cssSelector(".launcher")).click();
        wait.until(b -> widget.findElement(By.cssSelector(".launcher")).getDomAttribute("aria-label").equals("Chat with us"));
        widget.findElement(By.id("ck-name")).sendKeys("Maria Lopez");
        widget.findElement(By.id("ck-topic")).sendKeys("Router");
        widget.findElement(By.cssSelector(".intro button[type=submit]")).click();
        widget.findElement(By.id("ck-message")).sendKeys("My router keeps rebooting.", Keys.ENTER);
        // Acknowledged: stored as the case's first message.
        wait.until(b -> widget.findElement(By.cssSelector(".log .customer:not(.pending)")).getText().contains("My router keeps rebooting."));

        String token = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return JSON.parse(localStorage.getItem('casekeeper.chat." + desk.mailbox() + "')).token");
        var chat = chatOf(token, desk);
        await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(chat).state() == ContactState.OFFERED);
        routing.accept(contactOf(chat).offerId(), alex.id());
        wait.until(b -> widget.findElement(By.cssSelector(".log")).getText().contains(alex.name() + " joined the chat."));

        String macro = "Chat patience " + java.util.UUID.randomUUID().toString().substring(0, 6);
        assertThat(admin().post("/api/v1/macros", java.util.Map.of("name", macro, "body", "Thank you for your patience.")).status())
                .isEqualTo(201);
        browser.switchTo().newWindow(WindowType.TAB);
        String agentTab = browser.getWindowHandle();
        HeadlessChromium.signIn(browser, port, alex.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/cases/" + chat.caseNumber());
        wait.until(b -> b.findElement(By.cssSelector("[data-chat-log]")).getText().contains("My router keeps rebooting."));
        wait.until(b -> b.findElement(By.id("chat-input")).isDisplayed());

        browser.findElement(By.id("chat-input")).sendKeys("I am sorry about that");
        browser.switchTo().window(customerTab);
        wait.until(b -> widget.findElement(By.cssSelector(".status")).getText().contains(alex.name() + " is typing"));

        browser.switchTo().window(agentTab);
        browser.findElement(By.id("chat-input")).sendKeys(", Maria. Let us fix it.", Keys.ENTER);
        wait.until(b -> b.findElement(By.cssSelector("[data-chat-log] .chat-agent:not(.chat-pending)")).isDisplayed());

        // A canned response from the same picker as the reply box lands in the chat's send box.
        browser.findElement(By.cssSelector("#chat-macro-picker summary")).click();
        browser.findElement(By.id("chat-macro-search")).sendKeys(macro);
        wait.until(b -> b.findElement(By.cssSelector("#chat-macro-results [data-macro-insert]")).isDisplayed());
        browser.findElement(By.cssSelector("#chat-macro-results [data-macro-insert]")).click();
        wait.until(b -> b.findElement(By.id("chat-input")).getDomProperty("value").contains("Thank you for your patience."));
        browser.findElement(By.id("chat-input")).clear();
        browser.switchTo().window(customerTab);
        wait.until(b -> widget.findElement(By.cssSelector(".log .agent")).getText().contains("I am sorry about that, Maria. Let us fix it."));
        widget.findElement(By.id("ck-message")).sendKeys("Thank you");

        browser.switchTo().window(agentTab);
        wait.until(b -> b.findElement(By.cssSelector("[data-chat-typing]")).getText().contains("The customer is typing"));
        browser.switchTo().window(customerTab);
        widget.findElement(By.id("ck-message")).sendKeys("!", Keys.ENTER);
        browser.switchTo().window(agentTab);
        wait.until(b -> b.findElement(By.cssSelector("[data-chat-log]")).getText().contains("Thank you!"));
    }
}
