package dev.casekeeper.channels.email.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/**
 * HTML mail as text a person can read (jsoup): paragraphs and line breaks kept, lists bulleted,
 * links with their address, scripts and styles dropped. Also finds where the quoted history of a
 * reply starts in the markup, the way the common mail clients mark it.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "header",
            "footer",
            "blockquote",
            "pre",
            "table",
            "tr",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "hr",
            "address",
            "center",
            "form");

    private static final Set<String> PARAGRAPHS =
            Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre");

    /** Where mail clients put the history of a reply: Gmail, Apple Mail, Outlook, Thunderbird, Yahoo. */
    private static final String QUOTE_MARKERS = String.join(
            ", ",
            "div.gmail_quote",
            "blockquote.gmail_quote",
            "div.gmail_extra",
            "blockquote[type=cite]",
            "div[type=cite]",
            "div#divRplyFwdMsg",
            "div#appendonsend",
            "div.moz-cite-prefix",
            "div.yahoo_quoted",
            "div#mail-editor-reference-message-container",
            "div.OutlookMessageHeader",
            "hr#stopSpelling");

    private HtmlText() {}

    /** Whether the HTML shows a reader anything: text, or an image. Scripts and styles show nothing. */
    public static boolean showsAnything(String html) {
        var document = Jsoup.parse(html);
        document.select("script, style, head, template, noscript").remove();
        return !document.body().text().replace('\u00a0', ' ').isBlank()
                || !document.body().select("img[src]").isEmpty();
    }

    /** The text of an HTML document or fragment. */
    public static String toText(String html) {
        return toText(Jsoup.parse(html));
    }

    static String toText(Node root) {
        var text = new TextCollector();
        NodeTraversor.traverse(text, root);
        return text.result();
    }

    /** HTML split at the start of its quoted history; {@code quoted} is null when there is none to fold. */
    record Split(String html, @Nullable String quoted) {}

    static Split splitQuoted(String html) {
        Document document = Jsoup.parse(html);
        for (Element marker : document.select(QUOTE_MARKERS)) {
            String markerText = toText(marker);
            if (QuotedHistory.startsWithForward(markerText)) {
                continue;
            }
            var removed = new ArrayList<Node>();
            Element previous = marker.previousElementSibling();
            if (previous != null && QuotedHistory.isAttribution(toText(previous))) {
                removed.add(previous);
            }
            removed.add(marker);
            for (Node next = marker.nextSibling(); next != null; next = next.nextSibling()) {
                removed.add(next);
            }
            var quoted = new StringBuilder();
            removed.forEach(node -> quoted.append(node.outerHtml()));
            List.copyOf(removed).forEach(Node::remove);
            if (toText(document).isBlank()) {
                return new Split(html, null);
            }
            return new Split(document.body().html(), quoted.toString());
        }
        return new Split(html, null);
    }

    private static final class TextCollector implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();
        private int preformatted;
        private int skipped;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("script")
                        || tag.equals("style")
                        || tag.equals("head")
                        || tag.equals("title")
                        || tag.equals("noscript")
                        || tag.equals("template")) {
                    skipped++;
                } else if (skipped == 0) {
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (tag.equals("li")) {
                        newline();
                        out.append("- ");
                    } else if (BLOCKS.contains(tag)) {
                        newline();
                    } else if (tag.equals("td") || tag.equals("th")) {
                        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                            out.append("  ");
                        }
                    }
                    if (tag.equals("pre")) {
                        preformatted++;
                    }
                }
            } else if (node instanceof TextNode textNode && skipped == 0) {
                String text = preformatted > 0 ? textNode.getWholeText() : textNode.text();
                if (preformatted == 0 && (out.isEmpty() || out.charAt(out.length() - 1) == '\n')) {
                    text = text.stripLeading();
                }
                out.append(text);
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("script")
                        || tag.equals("style")
                        || tag.equals("head")
                        || tag.equals("title")
                        || tag.equals("noscript")
                        || tag.equals("template")) {
                    skipped--;
                } else if (skipped == 0) {
                    if (tag.equals("a")) {
                        String href = element.attr("href").strip();
                        String label = element.text().strip();
                        if ((href.startsWith("http:") || href.startsWith("https:"))
                                && !label.equals(href)
                                && !label.isEmpty()) {
                            out.append(" <").append(href).append('>');
                        }
                    }
                    if (PARAGRAPHS.contains(tag)) {
                        blankLine();
                    } else if (BLOCKS.contains(tag) || tag.equals("li")) {
                        newline();
                    }
                    if (tag.equals("pre")) {
                        preformatted--;
                    }
                }
            }
        }

        private void blankLine() {
            newline();
            if (out.length() > 1 && out.charAt(out.length() - 2) != '\n') {
                out.append('\n');
            }
        }

        private void newline() {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        String result() {
            String text = out.toString().replace('\u00a0', ' ');
            text = text.replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n");
            return text.strip();
        }
    }
}
