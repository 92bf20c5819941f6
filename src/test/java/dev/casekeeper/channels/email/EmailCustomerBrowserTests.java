package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.casekeeper.support.HeadlessChromium;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * In Chromium: an agent emails a new customer first from "New case → Email a customer" with a file;
 * the message reaches the customer (GreenMail) with the file attached, and her answer threads into
 * the case the agent is looking at.
 */
class EmailCustomerBrowserTests extends EmailTestBase {

    static final GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private WebDriver browser;

    @BeforeAll
    static void chromiumAndMailServer() {
        Assumptions.assumeTrue(
                HeadlessChromium.installed(), "Browser tests need Debian's chromium and chromium-driver packages");
        greenMail.start();
    }

    @AfterAll
    static void stopMailServer() {
        greenMail.stop();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAgentEmailsANewCustomerFirstWithAFileAndHerAnswerThreadsIntoTheCase(@TempDir Path dir) throws Exception {
        var outbound = Map.<String, Object>of(
                "outbound",
                Map.of("host", "localhost", "port", greenMail.getSmtp().getPort(), "security", "none"));
        smtpMailbox(null, outbound);
        var chosen = smtpMailbox(null, outbound);
        var agent = newAgent("agent");
        String marker = marker();
        String customer = "joan-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Path file = dir.resolve("warranty.pdf");
        Files.write(file, PDF);

        browser = HeadlessChromium.start();
        HeadlessChromium.signIn(browser, port, agent.email(), PASSWORD);
        var wait = HeadlessChromium.waitFor(browser);
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-case"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-case-kind-email")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email-customer-form")));
        browser.findElement(By.id("email-to")).sendKeys(customer);
        browser.findElement(By.id("email-name")).sendKeys("Joan Baker");
        new Select(browser.findElement(By.id("email-mailbox")))
                .selectByValue(chosen.id().toString());
        browser.findElement(By.id("email-subject")).sendKeys("Your warranty " + marker);
        browser.findElement(By.id("email-body")).sendKeys("Hello Joan, your warranty certificate is attached.");
        browser.findElement(By.id("email-files")).sendKeys(file.toString());
        browser.findElement(By.id("email-customer-submit")).click();

        wait.until(ExpectedConditions.urlMatches("/cases/\\d+$"));
        long number = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/cases/", ""));
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("your warranty certificate is attached");
        assertThat(browser.findElements(By.cssSelector("#timeline .entry-reply .mail-attachments a")))
                .extracting(e -> e.getText())
                .containsExactly("warranty.pdf");

        var sent = awaitSent(marker);
        assertThat(sent.getSubject()).isEqualTo("Your warranty " + marker + " [#" + number + "]");
        assertThat(sent.getFrom()[0].toString()).contains(chosen.address());
        assertThat(((Multipart) sent.getContent()).getBodyPart(1).getFileName()).isEqualTo("warranty.pdf");

        String replyTo = sent.getReplyTo()[0].toString().replaceAll(".*<|>.*", "");
        String ourId = sent.getMessageID().replaceAll("[<>]", "");
        deliver(
                customer,
                replyTo,
                plain(
                        "Joan Baker <" + customer + ">",
                        replyTo,
                        "Re: " + sent.getSubject(),
                        "Thank you, I have it.",
                        "In-Reply-To: <" + ourId + ">"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector("#timeline .entry-customer")))
                    .extracting(e -> e.getText())
                    .anySatisfy(text -> assertThat(text).contains("Thank you, I have it."));
        });
    }

    private static MimeMessage awaitSent(String marker) {
        await().atMost(Duration.ofSeconds(60)).until(() -> sent(marker).length > 0);
        return sent(marker)[0];
    }

    private static MimeMessage[] sent(String marker) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject() != null && m.getSubject().contains(marker);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toArray(MimeMessage[]::new);
    }
}
