package dev.casekeeper.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An article in one language: its Markdown {@code body} and the sanitized {@code html} drawn from it.
 * {@code number} and {@code slug} make its public address; {@code familyId} joins its translations.
 */
public record Article(
        ArticleId id,
        long number,
        UUID familyId,
        String locale,
        String title,
        String slug,
        String summary,
        String body,
        String html,
        String category,
        String section,
        List<String> tags,
        Visibility visibility,
        ArticleState state,
        UUID ownerId,
        @Nullable LocalDate reviewBy,
        int revision,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant publishedAt) {

    /** The help center's path of the article: its number and its title, readable in a link. */
    public String path() {
        return "/help/articles/" + number + "-" + slug;
    }

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }

    public boolean isPublished() {
        return state == ArticleState.PUBLISHED;
    }
}
