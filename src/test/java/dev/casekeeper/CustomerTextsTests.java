package dev.casekeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundle a customer reads is in English, German and Spanish, in step: the portal's (its pages,
 * the web form, the status and rating pages, its mail) and the chat widget's (the {@code widget.}
 * texts and the name a visitor is shown under; the chat bundle's agent texts are English only). A
 * translation has exactly the customer-facing keys of the English bundle, none blank, each with the
 * same placeholders.
 */
class CustomerTextsTests {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    /** A customer-facing bundle and which of its keys customers read. */
    record Bundle(String name, Predicate<String> customerFacing) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> translations() {
        var bundles = Stream.of(
                new Bundle("portal", key -> true),
                new Bundle("chat", key -> key.startsWith("widget.") || key.equals("chat.visitor.name")),
                new Bundle("knowledge", key -> key.startsWith("helpcenter.")));
        return bundles.flatMap(bundle -> Stream.of("de", "es").map(language -> Arguments.of(bundle, language)));
    }

    @ParameterizedTest(name = "{0}_{1}")
    @MethodSource("translations")
    void theTranslationHasEveryCustomerFacingKeyOfTheEnglishBundleAndNoOther(Bundle bundle, String language)
            throws IOException {
        var english = load(bundle.name() + ".properties");
        var translated = load(bundle.name() + "_" + language + ".properties");
        var customerKeys = new TreeSet<>(english.stringPropertyNames());
        customerKeys.removeIf(bundle.customerFacing().negate());

        assertThat(customerKeys).isNotEmpty();
        assertThat(translated.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(customerKeys);
        assertThat(translated.stringPropertyNames())
                .filteredOn(key -> translated.getProperty(key).isBlank())
                .isEmpty();
        assertThat(customerKeys)
                .filteredOn(key -> translated.getProperty(key) != null
                        && !arguments(english.getProperty(key)).equals(arguments(translated.getProperty(key))))
                .as("keys whose translation has other placeholders than the English text")
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

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/i18n", name))) {
            properties.load(in);
        }
        return properties;
    }
}
