package dev.casekeeper.knowledge;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * An article's Markdown made into the HTML readers get. CommonMark escapes raw HTML written into the
 * text and drops unsafe link targets; the OWASP sanitizer then keeps only formatting, blocks, tables,
 * links (http, https, mailto) and images, as for customer HTML, so a {@code <script>}, an
 * {@code <iframe>} or a {@code javascript:} link never reaches a page. An article's own pictures and
 * files are linked by a path on this site ({@code /help/files/<id>}), which the pages' content security
 * policy ({@code img-src 'self'}) lets through and remote pictures it does not.
 */
final class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "del")
                    .allowAttributes("class")
                    .matching(Pattern.compile("language-[a-zA-Z0-9_-]{1,30}"))
                    .onElements("code")
                    .toFactory());

    /**
     * The same, with links to articles' files ({@code /help/files/<id>}) pointing where signed-in agents
     * get them ({@code /knowledge/files/<id>}): the help center serves no file before its article is
     * published with it, and the editor's preview shows drafts.
     */
    private static final HtmlRenderer AGENT_RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                for (String name : List.of("src", "href")) {
                    String url = attributes.get(name);
                    if (url != null && url.startsWith(ArticleFile.PUBLIC_PREFIX)) {
                        attributes.put(
                                name, ArticleFile.AGENT_PREFIX + url.substring(ArticleFile.PUBLIC_PREFIX.length()));
                    }
                }
            })
            .build();

    private Markdown() {}

    static String html(String markdown) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }

    static String agentHtml(String markdown) {
        return POLICY.sanitize(AGENT_RENDERER.render(PARSER.parse(markdown)));
    }
}
