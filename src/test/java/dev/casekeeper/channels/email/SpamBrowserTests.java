package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.HeadlessChromium;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Marking spam from the case page, in Debian's Chromium, and the sender's next mail over SMTP. */
class SpamBrowserTests extends EmailTestBase {

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
    void markingSpamRemovesTheCaseFromTheListAndTheSendersNextMailIsSuspendedNotACase() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var mailbox = smtpMailbox(team);
        String spammer = "winner-" + UUID.randomUUID().toString().substring(0, 8) + "@lottery.example";
        String marker = marker();
        deliver(
                spammer,
                mailbox.address(),
                plain(spammer, mailbox.address(), "You won a prize " + marker, "Send your bank details."));
        long number = awaitCase(agent.api(), marker, 1).get("number").asLong();

        browser = HeadlessChromium.start();
        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        browser.get("http://localhost:" + port + "/views/team");
        var wait = HeadlessChromium.waitFor(browser).ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "You won a prize " + marker));
        browser.get("http://localhost:" + port + "/cases/" + number);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#spam > summary")));
        browser.findElement(By.cssSelector("#spam > summary")).click();
        assertThat(browser.findElement(By.id("spam-block")).isSelected()).isTrue();
        browser.findElement(By.cssSelector("#spam-form button[type=submit]")).click();

        wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));
        browser.get("http://localhost:" + port + "/views/team");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(marker);

        String next = marker();
        deliver(spammer, mailbox.address(), plain(spammer, mailbox.address(), "Last chance " + next, "Hurry."));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(
                                jdbc.sql("select state from email.inbound_message where suspended_subject like :s")
                                        .param("s", "%" + next + "%")
                                        .query(String.class)
                                        .optional())
                        .contains("suspended"));
        assertThat(admin().get("/api/v1/cases?q=" + next).json().get("items").size())
                .isZero();
    }
}
