package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.casekeeper.support.HeadlessChromium;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In Chromium, on a case that came in by email with a colleague copied: the composer offers the
 * customer in To and the colleague in Cc; the agent adds a Bcc, picks the mailbox and attaches a
 * file; the mail goes to exactly those people (GreenMail), the timeline says to whom, and the
 * customer's answer threads into the case. Then the agent forwards the case to a courier.
 */
class CaseMailBrowserTests extends EmailTestBase {

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

    private static String address(String who) {
        return who + "@" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
    }

    @Test
    void anAgentRepliesWithCcBccAndAFileFromTheChosenMailboxAndTheAnswerThreadsIntoTheCase(@TempDir Path dir)
            throws Exception {
        var outbound = Map.<String, Object>of(
                "outbound",
                Map.of("host", "localhost", "port", greenMail.getSmtp().getPort(), "security", "none"));
        var came = smtpMailbox(null, outbound);
        var chosen = smtpMailbox(null, outbound);
        String customer = address("amara");
        String colleague = address("colleague");
        String boss = address("boss");
        String courier = address("courier");
        String marker = marker();
        deliver(
                customer,
                came.address(),
                plain(
                        customer,
                        came.address(),
                        "Return label " + marker,
                        "Please send me a return label.",
                        "Cc: " + colleague));
        long number = awaitCase(marker).get("number").asLong();
        Path file = dir.resolve("label.pdf");
        Files.write(file, PDF);

        browser = HeadlessChromium.start();
        HeadlessChromium.signIn(browser, port, ADMIN_EMAIL, ADMIN_PASSWORD);
        var wait = HeadlessChromium.waitFor(browser);
        browser.get("http://localhost:" + port + "/cases/" + number);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-to")));
        assertThat(browser.findElement(By.id("reply-to")).getAttribute("value")).isEqualTo(customer);
        assertThat(browser.findElement(By.id("reply-cc")).getAttribute("value")).isEqualTo(colleague);
        browser.findElement(By.cssSelector("#forward-form summary")).click();
        HeadlessChromium.assertAccessible(browser);
        browser.findElement(By.cssSelector("#forward-form summary")).click();
        browser.findElement(By.id("reply-bcc")).sendKeys(boss);
        new Select(browser.findElement(By.id("reply-from")))
                .selectByValue(chosen.id().toString());
        browser.findElement(By.id("reply-body")).sendKeys("Here is your return label.");
        browser.findElement(By.id("reply-files")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("#reply-form button[type=submit]")).click();

        awaitShown("#reply-form", "#timeline .entry-reply .mail-addressed");
        assertThat(browser.findElement(By.cssSelector("#timeline .entry-reply .mail-addressed"))
                        .getText())
                .contains(customer, colleague, boss, chosen.address());
        await().atMost(Duration.ofSeconds(60)).until(() -> sent(marker).size() == 3);
        var sent = sent(marker).getFirst();
        assertThat(sent.getFrom()[0].toString()).contains(chosen.address());
        assertThat(sent.getRecipients(RecipientType.TO)[0].toString()).isEqualTo(customer);
        assertThat(sent.getRecipients(RecipientType.CC)[0].toString()).isEqualTo(colleague);
        assertThat(((Multipart) sent.getContent()).getBodyPart(1).getFileName()).isEqualTo("label.pdf");
        for (String each : List.of(customer, colleague, boss)) {
            assertThat(greenMail.getUserManager().getUserByEmail(each)).as(each).isNotNull();
        }

        String replyTo = sent.getReplyTo()[0].toString().replaceAll(".*<|>.*", "");
        deliver(
                customer,
                replyTo,
                plain(
                        customer,
                        replyTo,
                        "Re: " + sent.getSubject(),
                        "Got the label, thanks.",
                        "In-Reply-To: " + sent.getHeader("Message-ID")[0]));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector("#timeline .entry-customer")))
                    .extracting(e -> e.getText())
                    .anySatisfy(text -> assertThat(text).contains("Got the label, thanks."));
        });

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#forward-form summary")))
                .click();
        browser.findElement(By.id("forward-to")).sendKeys(courier);
        browser.findElement(By.id("forward-body")).sendKeys("Please collect this return.");
        browser.findElement(By.cssSelector("#forward-form button[type=submit]")).click();
        awaitShown("#forward-form", "#timeline .entry-note .mail-addressed");
        assertThat(browser.findElement(By.id("forward-sent")).getText()).contains(courier);
        assertThat(browser.findElement(By.cssSelector("#timeline .entry-note .mail-addressed"))
                        .getText())
                .contains(courier);
        await().atMost(Duration.ofSeconds(60)).until(() -> sent(marker).size() == 4);
        assertThat(greenMail.getUserManager().getUserByEmail(courier)).isNotNull();
    }

    /**
     * Waits for what the agent sees once the form was sent: the entry on the timeline. A form that
     * came back refused fails the test at once with the reason it shows, rather than waiting out the
     * time; under load the post, the mail checks and the timeline's reload take a while, so the wait
     * is generous.
     */
    private void awaitShown(String form, String entry) {
        try {
            awaitShownOrTimeout(form, entry);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "Not shown: " + entry + "; the form shows: "
                            + browser.findElement(By.cssSelector(form)).getText()
                            + "; the timeline: "
                            + browser.findElement(By.id("timeline")).getText(),
                    e);
        }
    }

    private void awaitShownOrTimeout(String form, String entry) {
        new WebDriverWait(browser, Duration.ofSeconds(90), HeadlessChromium.POLL)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    var refused = d.findElements(By.cssSelector(
                            form + " .field-error, " + form + " .form-error, " + form + " #reply-landed"));
                    if (!refused.isEmpty()) {
                        throw new AssertionError("The form was refused: "
                                + refused.stream().map(e -> e.getText()).toList());
                    }
                    return d.findElements(By.cssSelector(entry)).size() == 1;
                });
    }

    private static List<MimeMessage> sent(String marker) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject() != null && m.getSubject().contains(marker);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }
}
