package dev.casekeeper.knowledge;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The knowledge base and help center ({@code casekeeper.knowledge.*}, docs/configuration.md).
 *
 * @param brandName the name the help center shows in its header and page titles
 * @param publicUrl the address the help center is reached at from outside (for canonical links and the
 *     sitemap), without a trailing slash; unset: the address of the request
 * @param defaultLocale the language an article is shown in when it has no translation into the
 *     visitor's language
 * @param locales the languages articles are written in
 * @param maxFilesPerArticle the files and pictures one article may keep
 * @param maxFileSize the largest file of an article; keep it at or under {@code
 *     spring.servlet.multipart.max-file-size}
 * @param feedbackPerClient answers to "was this helpful?" and deflection reports one client address may
 *     send per hour, on all nodes together
 */
@ConfigurationProperties("casekeeper.knowledge")
public record KnowledgeSettings(
        @DefaultValue("Help center") String brandName,
        @DefaultValue("") String publicUrl,
        @DefaultValue("en") String defaultLocale,
        @DefaultValue({"en", "de", "es"}) List<String> locales,
        @DefaultValue("20") int maxFilesPerArticle,
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("30") int feedbackPerClient) {

    public KnowledgeSettings {
        if (feedbackPerClient < 1) {
            throw new IllegalArgumentException("casekeeper.knowledge.feedback-per-client must be at least 1");
        }
    }

    /** The size limit in whole megabytes, as the editor says it. */
    public long maxFileMb() {
        return Math.max(1, maxFileSize.toMegabytes());
    }
}
