package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What customers read is in English, German and Spanish: the translated bundles have every key, and no other. */
class PortalTextsTests {

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

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/i18n", name))) {
            properties.load(in);
        }
        return properties;
    }
}
