package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The story in Debian's Chromium: an agent solves the case; the customer rates it bad from the link
 * in the solve email (read from GreenMail) and complains; the supervisor gets the complaint case.
 */
class FeedbackBrowserTests extends FeedbackTestBase {

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
    void anAgentSolvesTheCaseTheCustomerRatesItBadFromTheEmailAndComplainsAndTheSupervisorGetsTheComplaint() {
        var desk = desk();
        var kase = emailCase(desk, newCustomer("Maria Lopez"), "Charged twice for one order");
        reply(desk, kase, "I refunded the second charge.");
        solve(desk, kase);
        String rate = ratePath(kase);

        browser = HeadlessChromium.start();
        var wait = HeadlessChromium.waitFor(browser);
        // The link in the mail names our public address; the test opens its path on its own port.
        browser.get("http://localhost:" + port + rate + "?score=bad");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-given")));
        assertThat(browser.findElement(By.id("feedback-done")).getText()).contains("Thank you for your rating");
        assertThat(browser.findElement(By.id("rating-given")).getText()).contains("Bad");
        HeadlessChromium.assertAccessible(browser);
        var rating = satisfaction(desk.agent(), kase.id()).get("ratings").get(0);
        assertThat(rating.get("score").asString()).isEqualTo("bad");
        assertThat(rating.get("source").asString()).isEqualTo("email");
        assertThat(notifications(desk.agent(), "satisfaction_rated")).hasSize(1);

        browser.findElement(By.id("complaint-text")).sendKeys("The refund never arrived and nobody told me why.");
        browser.findElement(By.id("complaint-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-done"), "complaint"));
        HeadlessChromium.assertAccessible(browser);

        var complaint =
                satisfaction(desk.supervisor(), kase.id()).get("complaints").get(0);
        var complaintCase = desk.supervisor()
                .api()
                .get("/api/v1/cases/" + complaint.get("complaintCaseId").asString())
                .json();
        assertThat(complaintCase.get("ownerId").asString())
                .isEqualTo(desk.supervisor().id().toString());
        assertThat(complaintCase.get("subject").asString()).contains("#" + kase.number());
        assertThat(browser.findElement(By.id("feedback-done")).getText())
                .contains("#" + complaintCase.get("number").asLong());
        assertThat(notifications(desk.supervisor(), "complaint"))
                .anyMatch(n -> n.get("caseId")
                        .asString()
                        .equals(complaintCase.get("id").asString()));
    }
}
