package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.casekeeper.agents.Role;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.support.HeadlessChromium;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;

/**
 * An agent picks a file in the case page's composer of a chat case and sends the reply; the customer,
 * on another site's page, sees the file under the agent's message as a link that downloads it, and
 * the agent sees it on the case's timeline.
 */
class ChatFilesBrowserTests extends ChatTestBase {

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

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
    void aFileTheAgentPicksInTheChatComposerReachesTheCustomersWidgetAsADownloadLink() throws Exception {
        var desk = desk();
        var alex = agent(desk.team(), Role.AGENT, true);
        serveShop(desk);
        var file = Files.createTempFile("manual", ".pdf");
        Files.write(file, PDF);

        browser = HeadlessChromium.start();
        var wait = HeadlessChromium.waitFor(browser);
        String customerTab = browser.getWindowHandle();
        browser.get("http://localhost:" + site.getAddress().getPort() + "/");
        SearchContext widget = wait.until(b -> b.findElement(By.cssSelector("[data-casekeeper-chat]")))
                .getShadowRoot();
        widget.findElement(By.cssSelector(".launcher")).click();
        wait.until(b -> widget.findElement(By.cssSelector(".launcher"))
                .getDomAttribute("aria-label")
                .equals("Chat with us"));
        widget.findElement(By.id("ck-name")).sendKeys("Maria Lopez");
        widget.findElement(By.cssSelector(".intro button[type=submit]")).click();
        widget.findElement(By.id("ck-message")).sendKeys("Where is the router's manual?", Keys.ENTER);
        wait.until(b -> widget.findElement(By.cssSelector(".log .customer:not(.pending)"))
                .getText()
                .contains("manual"));
        String token = (String) ((JavascriptExecutor) browser)
                .executeScript(
                        "return JSON.parse(localStorage.getItem('casekeeper.chat." + desk.mailbox() + "')).token");
        var chat = chatOf(token, desk);
        await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(chat).state() == ContactState.OFFERED);
        queues.accept(contactOf(chat).offerId(), alex.id());
        wait.until(
                b -> widget.findElement(By.cssSelector(".log")).getText().contains(alex.name() + " joined the chat."));

        browser.switchTo().newWindow(WindowType.TAB);
        HeadlessChromium.signIn(browser, port, alex.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/cases/" + chat.caseNumber());
        wait.until(b ->
                b.findElement(By.cssSelector("[data-chat-state]")).getText().equals("Chatting"));
        browser.findElement(By.id("reply-body")).sendKeys("Here is the manual, Maria.");
        browser.findElement(By.id("reply-files")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("#reply-form button[type=submit]")).click();
        wait.until(b -> b.findElements(By.cssSelector("#timeline .mail-attachments a")).stream()
                .anyMatch(a -> a.getText().equals(file.getFileName().toString())));

        browser.switchTo().window(customerTab);
        var link = wait.until(b -> widget.findElement(By.cssSelector(".log .agent .files a")));
        assertThat(widget.findElement(By.cssSelector(".log .agent")).getText()).contains("Here is the manual, Maria.");
        assertThat(link.getText()).isEqualTo(file.getFileName().toString());
        String href = link.getDomAttribute("href");
        assertThat(href).startsWith("http://localhost:" + port + "/chat/files/");
        HeadlessChromium.assertAccessible(browser);

        var download = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
    }

    private void serveShop(Desk desk) throws java.io.IOException {
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
}
