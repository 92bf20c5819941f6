package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 17's proof path with a file, in Debian's Chromium: a customer signs in with the code from
 * her mail (GreenMail), answers her case with a picture attached, the agent sees it on the case;
 * another customer, signed in, reaches neither the case nor the picture by any address.
 */
class PortalAttachmentBrowserTests extends PortalTestBase {

    private final List<WebDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void chromiumIsInstalled() {
        Assumptions.assumeTrue(
                HeadlessChromium.installed(), "Browser tests need Debian's chromium and chromium-driver packages");
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void aCustomerRepliesWithAPictureTheAgentSeesItAndAnotherCustomerReachesNothingOfIt() throws IOException {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Cracked screen", "The screen cracked when it arrived.");
        var picture = Files.createDirectories(Path.of("target/test-uploads")).resolve("cracked-screen.png");
        Files.write(picture, PortalAttachmentsTests.PNG);

        var customer = chromium();
        String caseUrl = signInAndOpen(customer, maria, kase.getValue());
        customer.findElement(By.id("body")).sendKeys("Here is a photo of the screen.");
        customer.findElement(By.id("files")).sendKeys(picture.toAbsolutePath().toString());
        customer.findElement(By.cssSelector("#reply button[type=submit]")).click();
        var wait = HeadlessChromium.waitFor(customer);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-sent")));
        var link = customer.findElement(By.cssSelector(".portal-files a"));
        assertThat(link.getText()).isEqualTo("cracked-screen.png");
        String fileUrl = link.getAttribute("href");
        HeadlessChromium.assertAccessible(customer);

        var agent = newAgent("agent");
        var desk = chromium();
        HeadlessChromium.signIn(desk, port, agent.email(), PASSWORD);
        desk.get("http://localhost:" + port + "/cases/" + kase.getValue());
        var agentLink = HeadlessChromium.waitFor(desk)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".mail-attachments a")));
        assertThat(agentLink.getText()).isEqualTo("cracked-screen.png");
        assertThat(desk.findElement(By.cssSelector(".mail-attachments img.attachment-preview"))
                        .getAttribute("src"))
                .contains("/attachments/web/");

        var lee = newCustomer("Lee Chen");
        openCaseFor(lee, "Lee's own request", "Something else.");
        var other = chromium();
        signInAndOpen(other, lee, null);
        String agentsFileUrl = agentLink.getAttribute("href");
        for (String url : List.of(
                caseUrl,
                fileUrl,
                agentsFileUrl,
                "http://localhost:" + port + "/api/portal/v1/cases/" + kase.getValue(),
                "http://localhost:" + port + "/portal/cases/" + kase.getKey())) {
            other.get(url);
            assertThat(other.getPageSource())
                    .as(url)
                    .doesNotContain("Cracked screen", "Here is a photo", "cracked-screen.png");
        }
        other.get("http://localhost:" + port + "/portal");
        assertThat(other.findElement(By.id("requests")).getText())
                .contains("Lee's own request")
                .doesNotContain("Cracked screen");
    }

    private WebDriver chromium() {
        var browser = HeadlessChromium.start();
        browsers.add(browser);
        return browser;
    }

    /** Signs in with the code from her mail and opens her case (or her list); the case's address. */
    private String signInAndOpen(WebDriver browser, TestCustomer customer, Long number) {
        var wait = HeadlessChromium.waitFor(browser);
        int before = mailsTo(customer.email()).size();
        browser.get("http://localhost:" + port + "/portal/sign-in");
        browser.findElement(By.id("email")).sendKeys(customer.email());
        browser.findElement(By.cssSelector("#content form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
        browser.findElement(By.id("code")).sendKeys(code(awaitMail(customer.email(), before + 1)));
        browser.findElement(By.cssSelector("#content form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("requests")));
        if (number == null) {
            return browser.getCurrentUrl();
        }
        browser.findElement(By.cssSelector("#requests a[href$='/portal/cases/" + number + "']"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
        return browser.getCurrentUrl();
    }
}
