package dev.casekeeper.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What walk-ins read (kiosk, slip, board, the mail when called) is there in German and Spanish too, with the same placeholders. */
class CounterTextsTests {

    @ParameterizedTest
    @ValueSource(strings = {"de", "es"})
    void everyTextAWalkInReadsIsTranslated(String language) throws IOException {
        var english = load("counter.properties");
        var translated = load("counter_" + language + ".properties");

        var customerFacing = english.stringPropertyNames().stream()
                .filter(key -> key.startsWith("counter.kiosk.")
                        || key.startsWith("counter.slip.")
                        || key.startsWith("counter.board.")
                        || key.startsWith("counter.mail."))
                .toList();

        assertThat(customerFacing).isNotEmpty();
        assertThat(translated.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(customerFacing);
        for (var key : customerFacing) {
            for (int i = 0; i < 4; i++) {
                assertThat(translated.getProperty(key).contains("{" + i))
                        .as(language + " " + key + " placeholder " + i)
                        .isEqualTo(english.getProperty(key).contains("{" + i));
            }
        }
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var in = CounterTextsTests.class.getResourceAsStream("/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
