package dev.casekeeper.cases;

import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Message bodies as they are stored: HTML from outside is sanitized before it is kept, so nothing a
 * customer sends can run in an agent's browser.
 */
final class MessageBodies {

    static final int MAX_LENGTH = 200_000;

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "span", "div")
                    .toFactory());

    private MessageBodies() {}

    /**
     * The HTML as stored, or null when none was given or nothing visible survives (an empty body, only a
     * script or a style): kept, it would be shown in place of the message's text and show nothing.
     */
    static @Nullable String sanitize(@Nullable String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String safe = POLICY.sanitize(html);
        return showsAnything(safe) ? safe : null;
    }

    private static boolean showsAnything(String safe) {
        var body = Jsoup.parseBodyFragment(safe).body();
        return !body.text().replace('\u00a0', ' ').isBlank()
                || !body.select("img[src]").isEmpty();
    }
}
