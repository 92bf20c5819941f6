package dev.casekeeper.knowledge;

import dev.casekeeper.shared.InvalidInputException;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base as anyone on the internet sees it: published public articles only, whatever
 * is asked for. An internal article, a draft or an article in review is not found here by any number
 * or search, so nothing written for agents can leak through the help center.
 */
@Service
@Transactional(readOnly = true)
public class HelpCenter {

    static final int MAX_COMMENT = 2_000;
    static final int HOME_LIMIT = 1_000;
    static final int SITEMAP_LIMIT = 50_000;

    private final ArticleQueries articles;
    private final MarkQueries marks;
    private final FileQueries files;
    private final KnowledgeSettings settings;
    private final Clock clock;

    HelpCenter(ArticleQueries articles, MarkQueries marks, FileQueries files, KnowledgeSettings settings, Clock clock) {
        this.articles = articles;
        this.marks = marks;
        this.files = files;
        this.settings = settings;
        this.clock = clock;
    }

    /** A category of the help center's home: its sections, each with its articles, in order. */
    public record Category(String name, Map<String, List<Article>> sections) {}

    /** The help center's language for a visitor: hers when articles are written in it, else the default. */
    public String language(@Nullable String visitorLanguage) {
        return visitorLanguage != null && settings.locales().contains(visitorLanguage)
                ? visitorLanguage
                : settings.defaultLocale();
    }

    /** Every public article in the visitor's language (or the default one), by category and section. */
    public List<Category> categories(String language) {
        var grouped = new LinkedHashMap<String, Map<String, List<Article>>>();
        for (var article : articles.publicArticles(language, settings.defaultLocale(), HOME_LIMIT)) {
            grouped.computeIfAbsent(article.category(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(article.section(), s -> new java.util.ArrayList<>())
                    .add(article);
        }
        return grouped.entrySet().stream()
                .map(e -> new Category(e.getKey(), e.getValue()))
                .toList();
    }

    /** The published public article with this number, else empty. */
    public Optional<Article> article(long number) {
        return articles.findByNumber(number).filter(HelpCenter::readable);
    }

    /**
     * A file of a published public article that was published with it, with its bytes; else empty
     * (a draft's file, an internal article's, one taken back to draft, a file deleted).
     */
    public Optional<ArticleFileContent> file(java.util.UUID id) {
        return files.publicContent(id);
    }

    /** The files of the published article other than pictures (those are in its text), for its downloads. */
    public List<ArticleFile> downloads(Article article) {
        if (!readable(article)) {
            return List.of();
        }
        return files.of(article.id()).stream()
                .filter(f -> f.published() && !f.image())
                .toList();
    }

    /** Its published public translations, itself among them. */
    public List<Article> translations(Article article) {
        return articles.family(article.familyId()).stream()
                .filter(HelpCenter::readable)
                .toList();
    }

    /** Up to {@code limit} other public articles of its section (then category) in the visitor's language. */
    public List<Article> related(Article article, String language, int limit) {
        return articles.publicArticles(language, settings.defaultLocale(), HOME_LIMIT).stream()
                .filter(other -> other.familyId() != null && !other.familyId().equals(article.familyId()))
                .filter(other -> other.category().equals(article.category()))
                .sorted(Comparator.comparing((Article other) -> !other.section().equals(article.section())))
                .limit(limit)
                .toList();
    }

    /** Public articles matching the words typed, best first. */
    public List<Article> search(@Nullable String q, String language, int limit) {
        String query = SearchText.query(q);
        return query == null ? List.of() : articles.searchPublic(query, language, settings.defaultLocale(), limit);
    }

    /** Every public article, for the sitemap. */
    public List<Article> sitemap() {
        return articles.allPublic(SITEMAP_LIMIT);
    }

    /** A reader's answer to "was this helpful?", with an optional comment. */
    @Transactional
    public void feedback(Article article, boolean helpful, @Nullable String comment) {
        String text = comment == null ? "" : comment.strip();
        if (text.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "must be at most " + MAX_COMMENT + " characters long");
        }
        marks.feedback(article.id().value(), helpful, text, clock.instant());
    }

    /**
     * The customer saw these suggested articles on the web form and did not send it, or in the chat
     * widget and did not start the chat: a deflection for each public one (anything else is ignored).
     */
    @Transactional
    public int deflected(Collection<Long> numbers, DeflectedFrom from) {
        int counted = 0;
        for (long number : numbers.stream().distinct().limit(10).toList()) {
            var article = article(number);
            if (article.isPresent()) {
                marks.deflection(article.get().id().value(), from, clock.instant());
                counted++;
            }
        }
        return counted;
    }

    public KnowledgeSettings settings() {
        return settings;
    }

    private static boolean readable(Article article) {
        return article.isPublished() && article.isPublic();
    }
}
