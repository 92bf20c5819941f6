package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What customers read is in English, German and Spanish: the translated bundles have every key of
 * the English one and no other, each with the same placeholders, and every key the portal's pages
 * and code name is in the bundle.
 */
class PortalTextsTests {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    /** A message key in a template: {@code #{portal.x}}, {@code #{'portal.x.' + ...}} or {@code #messages.msg('portal.x...')}. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("(?:#\\{'?|msg\\(')(portal\\.[A-Za-z0-9_.]+)");
    /** A message key in Java code: a string literal that is one. */
    private static final Pattern CODE_KEY = Pattern.compile("\"(portal\\.[A-Za-z0-9_.]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"de", "es"})
    void theTranslationHasEveryKeyOfTheEnglishBundleAndNoOther(String language) throws IOException {
        var english = load("portal.properties");
        var translated = load("portal_" + language + ".properties");

        assertThat(translated.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(translated.stringPropertyNames())
                .filteredOn(key -> translated.getProperty(key).isBlank())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "es"})
    void theTranslationTakesTheSamePlaceholdersAsTheEnglishText(String language) throws IOException {
        var english = load("portal.properties");
        var translated = load("portal_" + language + ".properties");

        assertThat(english.stringPropertyNames())
                .filteredOn(key -> translated.getProperty(key) != null
                        && !arguments(english.getProperty(key)).equals(arguments(translated.getProperty(key))))
                .as("keys whose translation has other placeholders than the English text")
                .isEmpty();
    }

    @Test
    void everyKeyThePortalsPagesAndCodeNameIsInTheBundle() throws IOException {
        var english = load("portal.properties");
        var named = new TreeSet<String>();
        named.addAll(keys(Path.of("src/main/resources/templates/portal"), TEMPLATE_KEY));
        named.addAll(keys(Path.of("src/main/resources/templates/layout/portal.html"), TEMPLATE_KEY));
        named.addAll(keys(Path.of("src/main/java/dev/casekeeper/portal"), CODE_KEY));

        assertThat(named).contains("portal.about.title", "portal.signIn.codeWrong");
        assertThat(named)
                .as("keys named by the portal's templates or code that no bundle has")
                .filteredOn(key -> !english.containsKey(key)
                        && english.stringPropertyNames().stream().noneMatch(k -> k.startsWith(key)))
                .isEmpty();
    }

    private static Set<String> arguments(String text) {
        var matcher = ARGUMENT.matcher(text);
        var found = new TreeSet<String>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Set<String> keys(Path root, Pattern pattern) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .flatMap(file -> {
                        try {
                            return pattern.matcher(Files.readString(file))
                                    .results()
                                    .map(m -> m.group(1));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.toSet());
        }
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/i18n", name))) {
            properties.load(in);
        }
        return properties;
    }
}
