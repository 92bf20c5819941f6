package dev.casekeeper.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * Screenshots the documentation shows, taken by the browser tests. They go to the build's output
 * ({@code target/docs/screenshots}), so a test run leaves the work tree as it was;
 * {@code scripts/update-docs.sh} copies them into {@code docs/} when someone means to.
 */
public final class Screenshots {

    /** Where generated documentation lands: diagrams and screenshots, under the build's output. */
    public static final Path GENERATED_DOCS = Path.of("target", "docs");

    private static final Path DIRECTORY = GENERATED_DOCS.resolve("screenshots");

    private Screenshots() {}

    public static void save(WebDriver browser, String name) {
        try {
            Files.createDirectories(DIRECTORY);
            var shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), DIRECTORY.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the screenshot " + name, e);
        }
    }
}
