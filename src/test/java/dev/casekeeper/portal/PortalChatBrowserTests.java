package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.HeadlessChromium;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * "Talk to a person now" as chat, in Chromium: a signed-in customer starts a chat from her case's
 * page; the chat is on that case (no new case), it reaches an available agent of the case's team
 * like any chat, and the agent who takes it reads the case's earlier messages beside the chat.
 */
class PortalChatBrowserTests extends PortalTestBase {

    private WebDriver customerBrowser;
    private WebDriver agentBrowser;

    @BeforeAll
    static void chromiumIsInstalled() {
        Assumptions.assumeTrue(
                HeadlessChromium.installed(), "Browser tests need Debian's chromium and chromium-driver packages");
    }

    @AfterEach
    void closeBrowsers() {
        if (customerBrowser != null) {
            customerBrowser.quit();
        }
        if (agentBrowser != null) {
            agentBrowser.quit();
        }
    }

    @Test
    void aCustomerChatsFromHerCasePageAndTheAgentWhoTakesItReadsTheCaseHistory() {
        var team = newTeam();
        var mailbox = new LinkedHashMap<String, Object>();
        mailbox.put("address", "help-" + UUID.randomUUID().toString().substring(0, 8) + "@desk.example.com");
        mailbox.put("name", "Example Support");
        mailbox.put("teamId", team);
        mailbox.put("inbound", Map.of("mode", "smtp"));
        assertThat(admin().post("/api/v1/mailboxes", mailbox).status()).isEqualTo(201);
        var alex = newAgent("agent", team);
        var maria = newCustomer("Maria Lopez");
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Activation key gone",
                                "teamId",
                                team,
                                "requester",
                                Map.of("email", maria.email()),
                                "message",
                                Map.of("body", "My activation key is gone since I reinstalled.")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long number = created.json().get("number").asLong();
        UUID caseId = UUID.fromString(created.json().get("id").asString());

        // Alex starts his shift Available.
        agentBrowser = HeadlessChromium.start();
        var agentWait = HeadlessChromium.waitFor(agentBrowser);
        HeadlessChromium.signIn(agentBrowser, port, alex.email(), PASSWORD);
        agentWait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live-ready", "true"));
        agentWait.until(b -> {
            new Select(b.findElement(By.id("presence-select"))).selectByValue("available");
            return true;
        });
        agentWait.until(ExpectedConditions.attributeToBe(By.id("presence-select"), "data-presence", "available"));

        // Maria signs in to the portal and chats from her case's page.
        customerBrowser = HeadlessChromium.start();
        var wait = HeadlessChromium.waitFor(customerBrowser);
        customerBrowser.get("http://localhost:" + port + "/portal");
        customerBrowser.findElement(By.id("email")).sendKeys(maria.email());
        customerBrowser
                .findElement(By.cssSelector("#content form button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.urlContains("/portal/sign-in/code"));
        customerBrowser.findElement(By.id("code")).sendKeys(code(awaitMail(maria.email(), 1)));
        customerBrowser
                .findElement(By.cssSelector("#content form button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("requests")));
        customerBrowser.get("http://localhost:" + port + "/portal/cases/" + number);
        HeadlessChromium.assertAccessible(customerBrowser);
        customerBrowser.findElement(By.id("chat-start")).click();
        SearchContext widget = wait.until(b -> b.findElement(By.cssSelector("[data-casekeeper-chat]")))
                .getShadowRoot();
        // Open at once, with nothing to fill in first: the chat knows her and her case.
        wait.until(b -> widget.findElement(By.id("ck-message")).isDisplayed());
        assertThat(widget.findElement(By.cssSelector(".intro")).isDisplayed()).isFalse();
        widget.findElement(By.id("ck-message")).sendKeys("Did you find a new key for me?", Keys.ENTER);
        wait.until(b -> !widget.findElements(By.cssSelector(".log .customer:not(.pending)"))
                .isEmpty());

        // Alex is offered the chat of her case, takes it, and reads what she wrote before.
        agentWait.until(b -> b.findElement(By.cssSelector(".offer-card[data-offer]"))
                .getText()
                .contains("#" + number));
        agentWait.until(b -> {
            b.findElement(By.cssSelector(".offer-card [data-offer-accept]")).click();
            return true;
        });
        agentWait.until(ExpectedConditions.urlContains("/cases/" + number));
        agentWait.until(b ->
                b.findElement(By.cssSelector("[data-chat-log]")).getText().contains("Did you find a new key for me?"));
        assertThat(agentBrowser.findElement(By.tagName("main")).getText())
                .contains("My activation key is gone since I reinstalled.");
        agentWait.until(b ->
                b.findElement(By.cssSelector("[data-chat-state]")).getText().equals("Chatting"));
        agentBrowser.findElement(By.id("reply-body")).sendKeys("Yes, Maria: your new key is on its way.");
        agentBrowser
                .findElement(By.cssSelector("#reply-form button[type=submit]"))
                .click();

        wait.until(b ->
                widget.findElement(By.cssSelector(".log .agent")).getText().contains("your new key is on its way"));
        // One case: the chat is on hers, nothing new was opened for it.
        var cases =
                admin().get("/api/v1/cases?requesterId=" + maria.id()).json().get("items");
        assertThat(cases.size()).isEqualTo(1);
        assertThat(admin().get("/api/v1/cases/" + caseId).toString())
                .contains("Did you find a new key for me?", "your new key is on its way");
    }
}
