package dev.casekeeper.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its chromedriver: the browser of the browser tests. No
 * driver is downloaded; without Chromium on the machine the tests are skipped.
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** How often a wait asks its condition again: each time is a round trip to the browser. */
    public static final Duration POLL = Duration.ofMillis(50);

    private HeadlessChromium() {}

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    /**
     * A browser as if just started: a new one, or one that an earlier test quit and that was wiped
     * since (see {@link Reusable}). Starting Chromium and its driver takes seconds, and the browser
     * tests of a run start about twenty.
     */
    public static WebDriver start() {
        synchronized (IDLE) {
            var idle = IDLE.pollFirst();
            if (idle != null) {
                return idle;
            }
        }
        var options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-dev-shm-usage",
                        "--window-size=1280,900");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .build();
        return new Reusable(service, options);
    }

    private static final Deque<Reusable> IDLE = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (IDLE) {
                for (var browser : IDLE) {
                    try {
                        browser.stop();
                    } catch (RuntimeException e) {
                        // Gone already.
                    }
                }
                IDLE.clear();
            }
        }));
    }

    /**
     * A Chromium whose {@code quit()} wipes it and keeps it for the next test instead of ending it:
     * extra tabs closed, the page left, every cookie, the cache and the storage of every origin it
     * visited cleared, the viewport, window size and timeouts as they were at the start. A browser
     * that cannot be wiped (a dialog is open, it crashed) is ended for real.
     */
    private static final class Reusable extends ChromeDriver {

        private final Set<String> origins = new HashSet<>();
        private final Dimension size;

        Reusable(ChromeDriverService service, ChromeOptions options) {
            super(service, options);
            size = manage().window().getSize();
        }

        @Override
        public void get(String url) {
            remember(url);
            super.get(url);
        }

        @Override
        public void quit() {
            try {
                wipe();
            } catch (RuntimeException e) {
                stop();
                return;
            }
            synchronized (IDLE) {
                IDLE.addLast(this);
            }
        }

        void stop() {
            super.quit();
        }

        private void wipe() {
            var tabs = new ArrayList<>(getWindowHandles());
            for (var tab : tabs.subList(1, tabs.size())) {
                switchTo().window(tab);
                remember(getCurrentUrl());
                close();
            }
            switchTo().window(tabs.getFirst());
            remember(getCurrentUrl());
            super.get("about:blank");
            executeCdpCommand("Network.clearBrowserCookies", Map.of());
            executeCdpCommand("Network.clearBrowserCache", Map.of());
            for (var origin : origins) {
                executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
            }
            origins.clear();
            executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            manage().window().setSize(size);
            manage().timeouts()
                    .implicitlyWait(Duration.ZERO)
                    .scriptTimeout(Duration.ofSeconds(30))
                    .pageLoadTimeout(Duration.ofMinutes(5));
        }

        private void remember(String url) {
            try {
                var uri = URI.create(url);
                if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getAuthority() != null) {
                    origins.add(uri.getScheme() + "://" + uri.getAuthority());
                }
            } catch (IllegalArgumentException e) {
                // Not a URL the browser can keep anything for.
            }
        }
    }

    /** Signs in through the sign-in form. */
    public static void signIn(WebDriver browser, int port, String email, String password) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /**
     * Waits up to 20 s for a condition. An element found while htmx swaps the part it is in goes
     * stale before it is read: the condition is then asked again, not failed.
     */
    public static WebDriverWait waitFor(WebDriver browser) {
        return waitFor(browser, Duration.ofSeconds(20));
    }

    /**
     * Waits up to {@code timeout} for a condition, asking it again every {@link #POLL}: Selenium's
     * default of 500 ms added a quarter of a second on average to each wait for a page part that
     * comes a moment later, and the browser tests wait for hundreds of them.
     */
    public static WebDriverWait waitFor(WebDriver browser, Duration timeout) {
        var wait = new WebDriverWait(browser, timeout, POLL);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * Gives the page a viewport of exactly this size. Not emulated as a mobile device on purpose: a
     * mobile browser zooms out to fit a page that is too wide, which would hide the overflow.
     */
    public static void viewport(WebDriver browser, int width, int height) {
        ((ChromiumDriver) browser)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Nothing on the page is wider than the viewport: the page never scrolls sideways. */
    public static void assertNoHorizontalOverflow(WebDriver browser) {
        var js = (JavascriptExecutor) browser;
        Object wider = js.executeScript("""
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= Math.min(window.innerWidth, width)) return null;
                return [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > width + 1 && getComputedStyle(e).position !== 'fixed')
                    .slice(0, 8)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '')
                        + ' ends at ' + Math.round(e.getBoundingClientRect().right))
                    .join('; ') + ' (page ' + document.documentElement.scrollWidth + ' wide, viewport ' + window.innerWidth + ')';
                """);
        if (wider != null) {
            throw new AssertionError(browser.getCurrentUrl() + " is wider than its viewport: " + wider);
        }
    }

    /**
     * Runs axe-core (vendored in the test resources, see {@code axe/README.md}) on the page as it is
     * now and fails on every serious or critical violation, naming the rule and the elements.
     */
    public static void assertAccessible(WebDriver browser) {
        var js = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) {
            js.executeScript(AXE.get());
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object violations = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                    .then(r => done(r.violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                            + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' [' + (n.failureSummary || '').replace(/\\s+/g, ' ') + ']').join(', '))))
                    .catch(e => done(['axe failed: ' + e]));
                """);
        if (violations instanceof List<?> found && !found.isEmpty()) {
            throw new AssertionError("axe-core on " + browser.getCurrentUrl() + ":\n"
                    + found.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("\n")));
        }
    }

    private static final Supplier<String> AXE = memoize(() -> {
        try (var in = HeadlessChromium.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        var value = new java.util.concurrent.atomic.AtomicReference<T>();
        return () -> value.updateAndGet(v -> v != null ? v : supplier.get());
    }
}
