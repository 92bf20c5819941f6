package dev.casekeeper.knowledge.web;

import dev.casekeeper.knowledge.Article;
import dev.casekeeper.knowledge.SaveArticle;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An article as typed in the editor; tags are one comma-separated line; a refused one comes back as typed. */
record ArticleForm(
        @Nullable String title,
        @Nullable String summary,
        @Nullable String body,
        @Nullable String locale,
        @Nullable String category,
        @Nullable String section,
        @Nullable String tags,
        @Nullable String visibility,
        @Nullable String ownerId,
        @Nullable String reviewBy,
        @Nullable String translationOf) {

    static ArticleForm empty(String locale, @Nullable UUID translationOf) {
        return new ArticleForm(
                "",
                "",
                "",
                locale,
                "",
                "",
                "",
                "internal",
                "",
                "",
                translationOf == null ? "" : translationOf.toString());
    }

    static ArticleForm of(Article a) {
        return new ArticleForm(
                a.title(),
                a.summary(),
                a.body(),
                a.locale(),
                a.category(),
                a.section(),
                String.join(", ", a.tags()),
                a.visibility().value(),
                a.ownerId().toString(),
                a.reviewBy() == null ? "" : a.reviewBy().toString(),
                "");
    }

    /** The command; a date or id that does not read is named by its field. */
    SaveArticle command(java.util.Map<String, String> errors) {
        return new SaveArticle(
                title == null ? "" : title,
                summary == null ? "" : summary,
                body == null ? "" : body,
                locale,
                category == null ? "" : category,
                section == null ? "" : section,
                tags == null
                        ? List.of()
                        : Arrays.stream(tags.split(",")).map(String::strip).toList(),
                visibility,
                uuid(ownerId, "ownerId", errors),
                date(reviewBy, errors),
                uuid(translationOf, "translationOf", errors));
    }

    private static @Nullable UUID uuid(@Nullable String value, String field, java.util.Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.put(field, "is not an id");
            return null;
        }
    }

    private static @Nullable LocalDate date(@Nullable String value, java.util.Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put("reviewBy", "must be a date such as 2027-03-31");
            return null;
        }
    }
}
