package dev.casekeeper.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An article as its writer sends it. {@code translationOf} links a new article to the article it
 * translates (only on creation); {@code ownerId} defaults to the writer; {@code body} is Markdown.
 */
public record SaveArticle(
        @Nullable String title,
        @Nullable String summary,
        @Nullable String body,
        @Nullable String locale,
        @Nullable String category,
        @Nullable String section,
        @Nullable List<String> tags,
        @Nullable String visibility,
        @Nullable UUID ownerId,
        @Nullable LocalDate reviewBy,
        @Nullable UUID translationOf) {}
