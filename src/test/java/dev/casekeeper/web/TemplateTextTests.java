package dev.casekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every text a page shows comes from the message bundle: no template holds words of its own, in
 * its text or in attributes people read (placeholder, title, labels), and every message key a
 * template names exists.
 */
class TemplateTextTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern WORDS = Pattern.compile("\\p{L}{2,}");
    private static final List<String> READ_ATTRIBUTES = List.of("placeholder", "title", "aria-label", "alt", "label");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9.\\-_]+)[}(]");

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        var found = new ArrayList<String>();
        for (Path template : templates()) {
            var document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element element : document.getAllElements()) {
                if (element.tagName().equals("script") || element.tagName().equals("style") || element.tagName().equals("kbd")) {
                    continue;
                }
                for (TextNode text : element.textNodes()) {
                    if (WORDS.matcher(text.text()).find() && !replaced(element)) {
                        found.add(TEMPLATES.relativize(template) + ": text '" + text.text().strip() + "'");
                    }
                }
                for (String attribute : READ_ATTRIBUTES) {
                    if (WORDS.matcher(element.attr(attribute)).find()) {
                        found.add(TEMPLATES.relativize(template) + ": " + attribute + "='" + element.attr(attribute) + "'");
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void everyMessageKeyATemplateNamesExists() throws IOException {
        // Every bundle in spring.messages.basename: messages.properties and one per capability.
        var messages = new Properties();
        try (Stream<Path> bundles = Files.list(Path.of("src/main/resources/i18n"))) {
            for (Path bundle : bundles.filter(f -> f.toString().endsWith(".properties")).toList()) {
                try (var in = Files.newBufferedReader(bundle)) {
                    messages.load(in);
                }
            }
        }
        var missing = new ArrayList<String>();
        for (Path template : templates()) {
            var matcher = MESSAGE_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                if (!messages.containsKey(matcher.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * Text inside an element whose content Thymeleaf replaces is never shown. A page's {@code html}
     * element is replaced by its layout, which shows the page's parts: that does not count.
     */
    private static boolean replaced(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (e.hasAttr("th:text") || e.hasAttr("th:utext")
                    || (!e.tagName().equals("html") && (e.hasAttr("th:replace") || e.hasAttr("th:insert")))) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }
}
