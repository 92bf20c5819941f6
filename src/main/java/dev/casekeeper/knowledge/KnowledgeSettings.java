package dev.casekeeper.knowledge;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The knowledge base and help center ({@code casekeeper.knowledge.*}, docs/configuration.md).
 *
 * @param brandName the name the help center shows in its header and page titles
 * @param publicUrl the address the help center is reached at from outside (for canonical links and the
 *     sitemap), without a trailing slash; unset: the address of the request
 * @param defaultLocale the language an article is shown in when it has no translation into the
 *     visitor's language
 * @param locales the languages articles are written in
 * @param feedbackPerClient answers to "was this helpful?" and deflection reports one client address may
 *     send per hour, on all nodes together
 */
@ConfigurationProperties("casekeeper.knowledge")
public record KnowledgeSettings(
        @DefaultValue("Help center") String brandName,
        @DefaultValue("") String publicUrl,
        @DefaultValue("en") String defaultLocale,
        @DefaultValue({"en", "de", "es"}) List<String> locales,
        @DefaultValue("30") int feedbackPerClient) {

    public KnowledgeSettings {
        if (feedbackPerClient < 1) {
            throw new IllegalArgumentException("casekeeper.knowledge.feedback-per-client must be at least 1");
        }
    }
}
