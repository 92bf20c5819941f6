package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.casekeeper.support.HeadlessChromium;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The embeddable web form, in Chromium, on a page of another site: one script tag renders the form
 * in the language the tag names, and a submission goes through the hosted form's checks and opens
 * the case. A site the chat widget may not be embedded in gets no form, and its posts are refused.
 * (The tests allow {@code http://localhost:*} and {@code http://127.0.0.1:*}; Casekeeper is at
 * localhost, the shop at 127.0.0.1, another origin; the site not allowed is at 127.0.0.2.)
 */
@MovesTime
class ContactEmbedTests extends PortalTestBase {

    @Autowired
    MeterRegistry registry;

    private WebDriver browser;
    private HttpServer site;

    @BeforeAll
    static void chromiumIsInstalled() {
        Assumptions.assumeTrue(
                HeadlessChromium.installed(), "Browser tests need Debian's chromium and chromium-driver packages");
    }

    @AfterEach
    void closeAll() {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.stop(0);
        }
        admin().get("/api/v1/contact-topics")
                .json()
                .valueStream()
                .forEach(topic -> admin().delete(
                                "/api/v1/contact-topics/" + topic.get("id").asString()));
    }

    @Test
    void aShopPageWithTheScriptTagShowsTheFormInItsLanguageAndASubmissionOpensTheCase() throws IOException {
        var team = admin().post(
                        "/api/v1/teams",
                        Map.of(
                                "name",
                                "Lizenzen " + UUID.randomUUID().toString().substring(0, 6)));
        String teamName = team.json().get("name").asString();
        admin().post(
                        "/api/v1/contact-topics",
                        Map.of(
                                "position", 0,
                                "teamId", team.json().get("id").asString(),
                                "labels", Map.of("en", "Activation keys", "es", "Claves de activación")));
        String shop = shop("127.0.0.1", "es");
        String email = "maria-" + UUID.randomUUID() + "@example.com";

        browser = HeadlessChromium.start();
        var wait = HeadlessChromium.waitFor(browser);
        browser.get(shop);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("casekeeper-contact-form")));
        assertThat(browser.findElement(By.cssSelector("label[for=casekeeper-contact-name]"))
                        .getText())
                .isEqualTo(text("es", "portal.contact.name"));
        assertThat(browser.findElement(By.cssSelector(".casekeeper-contact")).getAttribute("lang"))
                .isEqualTo("es");

        // Sent empty: refused beside each field, in Spanish; nothing opens.
        TestClock.INSTANCE.advance(Duration.ofSeconds(5));
        browser.findElement(By.id("casekeeper-contact-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("casekeeper-contact-name-error")));
        assertThat(browser.findElement(By.id("casekeeper-contact-topic-error")).getText())
                .isEqualTo(text("es", "portal.contact.error.topicChoose"));
        assertThat(browser.findElement(By.id("casekeeper-contact-name")).getAttribute("aria-invalid"))
                .isEqualTo("true");

        browser.findElement(By.id("casekeeper-contact-name")).sendKeys("María López");
        browser.findElement(By.id("casekeeper-contact-email")).sendKeys(email);
        new Select(browser.findElement(By.id("casekeeper-contact-topic"))).selectByVisibleText("Claves de activación");
        browser.findElement(By.id("casekeeper-contact-description")).sendKeys("Mi clave ya no funciona.");
        TestClock.INSTANCE.advance(Duration.ofSeconds(5));
        browser.findElement(By.id("casekeeper-contact-submit")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("casekeeper-contact-sent")));
        String number =
                browser.findElement(By.cssSelector(".casekeeper-contact")).getAttribute("data-number");
        var kase = admin().get("/api/v1/cases?q=" + number).json().get("items").get(0);
        assertThat(kase.get("number").asString()).isEqualTo(number);
        assertThat(kase.get("channel").asString()).isEqualTo("web");
        assertThat(kase.get("subject").asString()).isEqualTo("Claves de activación");
        assertThat(kase.get("teamId").asString())
                .isEqualTo(team.json().get("id").asString());
        assertThat(browser.findElement(By.id("casekeeper-contact-sent")).getText())
                .contains("#" + number, teamName, text("es", "portal.contact.sentNext"));
    }

    @Test
    void aSiteThatIsNotAllowedGetsNoFormAndItsPostsAreRefusedAndCounted() throws Exception {
        String elsewhere = shop("127.0.0.2", "en");
        browser = HeadlessChromium.start();
        var wait = HeadlessChromium.waitFor(browser);
        browser.get(elsewhere);
        wait.until(d -> "unavailable"
                .equals(d.findElement(By.cssSelector(".casekeeper-contact")).getAttribute("data-state")));
        assertThat(browser.findElements(By.id("casekeeper-contact-form"))).isEmpty();

        String marker = UUID.randomUUID().toString();
        double refused = registry.find("casekeeper.portal.contact")
                .tag("outcome", "foreign-origin")
                .counter()
                .count();
        var http = HttpClient.newHttpClient();
        var form = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/contact/embed/form"))
                        .header("Origin", "https://evil.example")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String body = "name=Bot&email=bot-" + marker + "%40example.com&topic=Spam+" + marker + "&description=Buy";
        var post = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/contact/embed"))
                        .header("Origin", "https://evil.example")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(form.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(admin().get("/api/v1/cases?q=" + marker).json().get("items")).isEmpty();
        assertThat(registry.find("casekeeper.portal.contact")
                        .tag("outcome", "foreign-origin")
                        .counter()
                        .count())
                .isEqualTo(refused + 1);
    }

    /** A page of a shop at this loopback address with the script tag on it; its address. */
    private String shop(String address, String lang) throws IOException {
        site = HttpServer.create(new InetSocketAddress(address, 0), 0);
        byte[] page =
                ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Example shop</title></head>"
                                + "<body><main><h1>Example shop</h1>"
                                + "<script src=\"http://localhost:" + port + "/contact/embed.js\" data-lang=\"" + lang
                                + "\"></script></main></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
        site.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (var out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        site.start();
        return "http://" + address + ":" + site.getAddress().getPort() + "/";
    }

    @Autowired
    org.springframework.context.MessageSource messages;

    private String text(String lang, String key) {
        return messages.getMessage(key, null, java.util.Locale.of(lang));
    }
}
