package dev.casekeeper.cases;

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

    static @Nullable String sanitize(@Nullable String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        return POLICY.sanitize(html);
    }
}
