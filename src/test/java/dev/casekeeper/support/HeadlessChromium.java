package dev.casekeeper.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its chromedriver: the browser of the browser tests. No
 * driver is downloaded; without Chromium on the machine the tests are skipped.
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    public static WebDriver start() {
        var options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--window-size=1280,900");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString())).build();
        return new ChromeDriver(service, options);
    }

    /** Signs in through the sign-in form. */
    public static void signIn(WebDriver browser, int port, String email, String password) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    public static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }
}
