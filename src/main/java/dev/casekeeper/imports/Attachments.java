package dev.casekeeper.imports;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * Attachments of an imported message as links under its text: the import does not download them
 * (it works offline, from files), so a reader follows the link to where the source still keeps them.
 */
final class Attachments {

    private Attachments() {}

    static String text(String text, List<ImportedFacts.Link> links) {
        if (links.isEmpty()) {
            return text;
        }
        var out = new StringBuilder(text);
        for (var link : links) {
            out.append("\n\n[").append(link.name()).append("] ").append(link.url());
        }
        return out.toString();
    }

    static @Nullable String html(@Nullable String html, List<ImportedFacts.Link> links) {
        if (html == null || links.isEmpty()) {
            return html;
        }
        var out = new StringBuilder(html);
        for (var link : links) {
            out.append("<p><a href=\"")
                    .append(HtmlUtils.htmlEscape(link.url()))
                    .append("\">")
                    .append(HtmlUtils.htmlEscape(link.name()))
                    .append("</a></p>");
        }
        return out.toString();
    }
}
