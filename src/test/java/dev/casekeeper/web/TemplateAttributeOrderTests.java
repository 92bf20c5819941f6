package dev.casekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Thymeleaf evaluates {@code th:each} and {@code th:if}/{@code th:unless} before {@code th:with} on
 * the same element, so a condition that reads a variable its own element defines always sees it
 * unset: the part never shows (the case page once never showed whom a reply went to). The variable
 * belongs on an enclosing element.
 */
class TemplateAttributeOrderTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final List<String> EVALUATED_BEFORE_WITH = List.of("th:each", "th:if", "th:unless");

    @Test
    void noConditionReadsAVariableItsOwnElementDefines() throws IOException {
        var wrong = new ArrayList<String>();
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(f -> f.toString().endsWith(".html")).toList();
        }
        for (Path template : templates) {
            var document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element element : document.getAllElements()) {
                if (!element.hasAttr("th:with")) {
                    continue;
                }
                var names = Arrays.stream(element.attr("th:with").split(","))
                        .filter(part -> part.contains("="))
                        .map(part -> part.substring(0, part.indexOf('=')).strip())
                        .toList();
                for (String attribute : EVALUATED_BEFORE_WITH) {
                    for (String name : names) {
                        if (Pattern.compile("\\b" + Pattern.quote(name) + "\\b")
                                .matcher(element.attr(attribute))
                                .find()) {
                            wrong.add(TEMPLATES.relativize(template) + ": <" + element.tagName() + "> " + attribute
                                    + " reads " + name + " before its th:with sets it");
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
