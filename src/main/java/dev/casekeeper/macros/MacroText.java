package dev.casekeeper.macros;

import dev.casekeeper.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/**
 * The text of a canned response: plain text with placeholders such as {@code {{customer.name}}}
 * (spaces inside the braces allowed). Substitution is one pass, so a value that itself looks like
 * a placeholder (a customer named "{{agent.name}}") stays as it is. A template language would
 * offer loops, conditions and unescaped output that a reply text does not need and an admin could
 * trip over; see docs/adr/0007-canned-response-placeholders.md.
 */
final class MacroText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private MacroText() {}

    /**
     * The placeholders the text uses, in order of first use. Refused, naming {@code body}, when
     * it uses one that does not exist or leaves a {@code {{} open.
     */
    static List<Placeholder> check(String body) {
        var used = new LinkedHashSet<Placeholder>();
        var unknown = new LinkedHashSet<String>();
        Matcher matcher = PLACEHOLDER.matcher(body);
        while (matcher.find()) {
            Placeholder.fromKey(matcher.group(1)).ifPresentOrElse(used::add, () -> unknown.add(matcher.group(1)));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(
                    "body",
                    (unknown.size() == 1 ? "uses an unknown placeholder " : "uses unknown placeholders ")
                            + unknown.stream().map(key -> "{{" + key + "}}").collect(Collectors.joining(", "))
                            + "; the known ones are " + known());
        }
        if (PLACEHOLDER.matcher(body).replaceAll("").contains("{{")) {
            throw new InvalidInputException(
                    "body", "has a {{ that is not closed with }}; placeholders are written like {{customer.name}}");
        }
        return new ArrayList<>(used);
    }

    /** The known placeholders a stored text uses, in order of first use; anything else is passed over. */
    static List<Placeholder> placeholders(String body) {
        var used = new LinkedHashSet<Placeholder>();
        Matcher matcher = PLACEHOLDER.matcher(body);
        while (matcher.find()) {
            Placeholder.fromKey(matcher.group(1)).ifPresent(used::add);
        }
        return new ArrayList<>(used);
    }

    /** The text with every placeholder replaced by its value. */
    static String render(String body, MacroFacts facts) {
        Matcher matcher = PLACEHOLDER.matcher(body);
        var out = new StringBuilder();
        while (matcher.find()) {
            String value = Placeholder.fromKey(matcher.group(1))
                    .map(p -> p.valueFor(facts))
                    .orElse(matcher.group());
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Plain text as HTML: everything escaped, blank lines as paragraphs, line breaks kept. */
    static String html(String text) {
        return Arrays.stream(text.strip().replace("\r\n", "\n").split("\n\\s*\n"))
                .map(paragraph ->
                        "<p>" + HtmlUtils.htmlEscape(paragraph.strip()).replace("\n", "<br>") + "</p>")
                .collect(Collectors.joining());
    }

    static String known() {
        return Arrays.stream(Placeholder.values()).map(Placeholder::written).collect(Collectors.joining(", "));
    }
}
