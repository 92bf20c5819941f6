package dev.casekeeper.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import dev.casekeeper.support.Screenshots;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The workspace on a phone (390×844) and on a laptop (1280×800), on the demo desk: no page scrolls
 * sideways, the bell is in sight, the views and sign-out are one tap away behind the menu on the
 * phone and in sight on the laptop, and axe-core finds nothing serious on any of them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casekeeper.data-dir=${casekeeper.test.browser-data-dir:target/test-data/browser}")
@ActiveProfiles({"test", "demo"})
class ResponsiveBrowserTests extends ApiTestBase {

    private static final String DEMO_PASSWORD = "casekeeper-demo";
    private static final List<String> SUPERVISOR_PAGES = List.of(
            "/views/open",
            "/views/mine",
            "/views/unassigned",
            "/views/heated",
            "/notifications",
            "/followups",
            "/supervisor/queues",
            "/account");
    private static final List<String> ADMIN_PAGES = List.of(
            "/admin/agents",
            "/admin/teams",
            "/admin/tokens",
            "/admin/policies",
            "/admin/calendars",
            "/admin/macros",
            "/admin/mailboxes");

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
    void onAPhoneNoPageScrollsSidewaysAndTheMenuHoldsTheViewsAndSignOut() {
        var failures = visitAll(390, 844);
        assertThat(failures).isEmpty();
    }

    @Test
    void onALaptopNoPageScrollsSidewaysAndSignOutIsInSight() {
        var failures = visitAll(1280, 800);
        assertThat(failures).isEmpty();
    }

    @Test
    void onAPhoneTheCasePageIsOneColumnWithTheContextBelowTheConversation() {
        browser = HeadlessChromium.start();
        HeadlessChromium.viewport(browser, 390, 844);
        HeadlessChromium.signIn(browser, port, "priya@demo.casekeeper.local", DEMO_PASSWORD);
        openFirstCase();
        var conversation = browser.findElement(By.cssSelector(".conversation"));
        var context = browser.findElement(By.id("context"));
        assertThat(context.getLocation().getY())
                .as("the context panel is below the conversation")
                .isGreaterThan(conversation.getLocation().getY()
                        + conversation.getSize().getHeight()
                        - 1);
        assertThat(context.getSize().getWidth())
                .isEqualTo(conversation.getSize().getWidth());
        Screenshots.save(browser, "case-phone.png");
    }

    /** Every page at this size, as the supervisor and as the admin; what failed, per page. */
    private List<String> visitAll(int width, int height) {
        var failures = new ArrayList<String>();
        browser = HeadlessChromium.start();
        HeadlessChromium.viewport(browser, width, height);
        HeadlessChromium.signIn(browser, port, "grace@demo.casekeeper.local", DEMO_PASSWORD);
        var pages = new ArrayList<>(SUPERVISOR_PAGES);
        pages.add(openFirstCase());
        for (String page : pages) {
            check(page, width, failures);
        }
        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, port, ADMIN_EMAIL, ADMIN_PASSWORD);
        for (String page : ADMIN_PAGES) {
            check(page, width, failures);
        }
        return failures;
    }

    private String openFirstCase() {
        browser.get("http://localhost:" + port + "/views/all");
        String href =
                browser.findElement(By.cssSelector("#results a.case-link")).getAttribute("href");
        browser.get(href);
        settle();
        return href.substring(href.indexOf("/cases/"));
    }

    private void check(String page, int width, List<String> failures) {
        try {
            browser.get("http://localhost:" + port + page);
            settle();
            HeadlessChromium.assertNoHorizontalOverflow(browser);
            assertThat(inSight(browser.findElement(By.id("bell"))))
                    .as("the bell is in sight")
                    .isTrue();
            var menu = browser.findElement(By.id("menu-toggle"));
            if (width < 760) {
                assertThat(menu.isDisplayed()).as("the menu button is shown").isTrue();
                assertThat(browser.findElement(By.id("sign-out")).isDisplayed())
                        .as("sign-out waits behind the menu")
                        .isFalse();
                HeadlessChromium.assertAccessible(browser);
                menu.click();
                assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
            } else {
                assertThat(menu.isDisplayed())
                        .as("no menu button on a wide screen")
                        .isFalse();
            }
            assertThat(browser.findElement(By.id("views")).isDisplayed())
                    .as("the views are in sight")
                    .isTrue();
            assertThat(inSight(browser.findElement(By.id("sign-out"))))
                    .as("sign-out is in sight")
                    .isTrue();
            HeadlessChromium.assertNoHorizontalOverflow(browser);
            HeadlessChromium.assertAccessible(browser);
        } catch (AssertionError | RuntimeException e) {
            failures.add(page + " at " + width + " px: " + e.getMessage());
        }
    }

    /** The page's parts that load after it have loaded: the bell's count and the views' counts. */
    private void settle() {
        HeadlessChromium.waitFor(browser)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bell[data-unread]")));
        HeadlessChromium.waitFor(browser)
                .until(
                        driver -> Boolean.TRUE.equals(
                                ((JavascriptExecutor) driver)
                                        .executeScript(
                                                "return !document.querySelector('.htmx-request') && document.readyState === 'complete'")));
    }

    /** Displayed, and within the viewport's width once scrolled to. */
    private boolean inSight(WebElement element) {
        if (!element.isDisplayed()) {
            return false;
        }
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("""
                arguments[0].scrollIntoView({block: 'center'});
                const r = arguments[0].getBoundingClientRect();
                return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth && r.top >= 0 && r.bottom <= window.innerHeight;
                """, element));
    }
}
