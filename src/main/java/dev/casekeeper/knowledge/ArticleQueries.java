package dev.casekeeper.knowledge;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for articles and their revisions. The search vector is written with every save, weighted
 * title first, then summary and tags, then the text, in the configuration of the article's language.
 */
@Repository
class ArticleQueries {

    static final String COLUMNS = """
            a.id, a.number, a.family_id, a.locale, a.title, a.slug, a.summary, a.body, a.body_html, a.category,
            a.section, a.tags, a.visibility, a.state, a.owner_id, a.review_by, a.revision, a.created_at,
            a.updated_at, a.published_at""";

    private static final String VECTOR = """
            setweight(to_tsvector(cast(:config as regconfig), :title), 'A')
            || setweight(to_tsvector(cast(:config as regconfig), :summary || ' ' || :tagText), 'B')
            || setweight(to_tsvector(cast(:config as regconfig), :body), 'C')""";

    private final JdbcClient jdbc;

    ArticleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether it was inserted: false when the family already has an article in this language. */
    boolean insert(Article a, UUID by) {
        return jdbc.sql("""
                        insert into knowledge.article (id, family_id, locale, title, slug, summary, body, body_html,
                            category, section, tags, visibility, state, owner_id, review_by, revision, created_at,
                            updated_at, updated_by, published_at, search)
                        values (:id, :family, :locale, :title, :slug, :summary, :body, :html, :category, :section,
                            string_to_array(:tags, chr(31)), :visibility, :state, :owner, :reviewBy, 1, :now, :now, :by, null, %s)
                        on conflict (family_id, locale) do nothing
                        """.formatted(VECTOR))
                        .param("id", a.id().value())
                        .param("family", a.familyId())
                        .param("locale", a.locale())
                        .params(texts(a))
                        .param("visibility", a.visibility().value())
                        .param("state", a.state().value())
                        .param("owner", a.ownerId())
                        .param("reviewBy", a.reviewBy() == null ? null : Date.valueOf(a.reviewBy()))
                        .param("now", Timestamp.from(a.createdAt()))
                        .param("by", by)
                        .update()
                == 1;
    }

    /** Writes the article's new text and facts as its next revision. */
    void update(Article a, UUID by) {
        jdbc.sql("""
                        update knowledge.article set title = :title, slug = :slug, summary = :summary, body = :body,
                            body_html = :html, category = :category, section = :section, tags = string_to_array(:tags, chr(31)),
                            visibility = :visibility, state = :state, owner_id = :owner, review_by = :reviewBy,
                            revision = :revision, updated_at = :now, updated_by = :by, published_at = :publishedAt,
                            search = %s
                        where id = :id
                        """.formatted(VECTOR))
                .param("id", a.id().value())
                .params(texts(a))
                .param("visibility", a.visibility().value())
                .param("state", a.state().value())
                .param("owner", a.ownerId())
                .param("reviewBy", a.reviewBy() == null ? null : Date.valueOf(a.reviewBy()))
                .param("revision", a.revision())
                .param("now", Timestamp.from(a.updatedAt()))
                .param("by", by)
                .param("publishedAt", a.publishedAt() == null ? null : Timestamp.from(a.publishedAt()))
                .update();
    }

    void insertRevision(Article a, UUID by, Instant at) {
        jdbc.sql("""
                        insert into knowledge.revision (article_id, revision, title, summary, body, state, saved_by, saved_at)
                        values (:id, :revision, :title, :summary, :body, :state, :by, :at)
                        """)
                .param("id", a.id().value())
                .param("revision", a.revision())
                .param("title", a.title())
                .param("summary", a.summary())
                .param("body", a.body())
                .param("state", a.state().value())
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    Optional<Article> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from knowledge.article a where a.id = :id")
                .param("id", id)
                .query(ArticleQueries::article)
                .optional();
    }

    /** The article row locked for a change. */
    Optional<Article> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from knowledge.article a where a.id = :id for update")
                .param("id", id)
                .query(ArticleQueries::article)
                .optional();
    }

    Optional<Article> findByNumber(long number) {
        return jdbc.sql("select " + COLUMNS + " from knowledge.article a where a.number = :number")
                .param("number", number)
                .query(ArticleQueries::article)
                .optional();
    }

    List<Article> family(UUID familyId) {
        return jdbc.sql("select " + COLUMNS + " from knowledge.article a where a.family_id = :family order by a.locale")
                .param("family", familyId)
                .query(ArticleQueries::article)
                .list();
    }

    /**
     * Articles for agents: every one, or those matching the words (best first), optionally only in one
     * state; the newest changed first without words.
     */
    List<Article> list(@Nullable String query, @Nullable String state, int limit) {
        if (query == null) {
            return jdbc.sql("select " + COLUMNS + """
                             from knowledge.article a
                            where cast(:state as text) is null or a.state = :state
                            order by a.updated_at desc, a.id
                            limit :limit
                            """)
                    .param("state", state)
                    .param("limit", limit)
                    .query(ArticleQueries::article)
                    .list();
        }
        return jdbc.sql("select " + COLUMNS + " from knowledge.article a, " + SearchText.TSQUERY + """
                        where a.search @@ q.query and (cast(:state as text) is null or a.state = :state)
                        order by ts_rank(a.search, q.query) desc, a.updated_at desc, a.id
                        limit :limit
                        """)
                .param("q", query)
                .param("state", state)
                .param("limit", limit)
                .query(ArticleQueries::article)
                .list();
    }

    /**
     * Published public articles matching the words, in the visitor's language or, for an article not
     * translated into it, in the default language; best first.
     */
    List<Article> searchPublic(String query, String locale, String fallback, int limit) {
        return jdbc.sql("select " + COLUMNS + " from knowledge.article a, " + SearchText.TSQUERY
                        + """
                        where a.search @@ q.query and a.state = 'published' and a.visibility = 'public'
                          and %s
                        order by ts_rank(a.search, q.query) desc, a.updated_at desc, a.id
                        limit :limit
                        """.formatted(IN_LANGUAGE))
                .param("q", query)
                .param("locale", locale)
                .param("fallback", fallback)
                .param("limit", limit)
                .query(ArticleQueries::article)
                .list();
    }

    /** Every published public article in the visitor's language (or the default), by category, section and title. */
    List<Article> publicArticles(String locale, String fallback, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from knowledge.article a
                        where a.state = 'published' and a.visibility = 'public' and %s
                        order by lower(a.category), lower(a.section), lower(a.title), a.id
                        limit :limit
                        """.formatted(IN_LANGUAGE))
                .param("locale", locale)
                .param("fallback", fallback)
                .param("limit", limit)
                .query(ArticleQueries::article)
                .list();
    }

    /** Every published public article, for the sitemap. */
    List<Article> allPublic(int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from knowledge.article a
                        where a.state = 'published' and a.visibility = 'public'
                        order by a.number
                        limit :limit
                        """)
                .param("limit", limit)
                .query(ArticleQueries::article)
                .list();
    }

    /** An article of the visitor's language, or of the default one without a translation into hers. */
    private static final String IN_LANGUAGE = """
            (a.locale = :locale or (a.locale = :fallback and not exists (
                select 1 from knowledge.article t
                 where t.family_id = a.family_id and t.locale = :locale
                   and t.state = 'published' and t.visibility = 'public')))""";

    List<Revision> revisions(UUID id) {
        return jdbc.sql("""
                        select revision, title, summary, body, state, saved_by, saved_at
                          from knowledge.revision where article_id = :id order by revision desc
                        """)
                .param("id", id)
                .query((rs, n) -> new Revision(
                        rs.getInt("revision"),
                        rs.getString("title"),
                        rs.getString("summary"),
                        rs.getString("body"),
                        ArticleState.from(rs.getString("state")),
                        rs.getObject("saved_by", UUID.class),
                        rs.getTimestamp("saved_at").toInstant()))
                .list();
    }

    /** Published articles whose review date has come, for the reminders missed while no node ran. */
    List<Article> reviewDue(LocalDate today) {
        return jdbc.sql("select " + COLUMNS + " from knowledge.article a where a.review_by <= :today")
                .param("today", Date.valueOf(today))
                .query(ArticleQueries::article)
                .list();
    }

    private static java.util.Map<String, Object> texts(Article a) {
        var map = new java.util.HashMap<String, Object>();
        map.put("title", a.title());
        map.put("slug", a.slug());
        map.put("summary", a.summary());
        map.put("body", a.body());
        map.put("html", a.html());
        map.put("category", a.category());
        map.put("section", a.section());
        map.put("tags", String.join("\u001f", a.tags()));
        map.put("tagText", String.join(" ", a.tags()));
        map.put("config", SearchText.configuration(a.locale()));
        return map;
    }

    static Article article(ResultSet rs, int n) throws SQLException {
        Date reviewBy = rs.getDate("review_by");
        Timestamp published = rs.getTimestamp("published_at");
        return new Article(
                new ArticleId(rs.getObject("id", UUID.class)),
                rs.getLong("number"),
                rs.getObject("family_id", UUID.class),
                rs.getString("locale"),
                rs.getString("title"),
                rs.getString("slug"),
                rs.getString("summary"),
                rs.getString("body"),
                rs.getString("body_html"),
                rs.getString("category"),
                rs.getString("section"),
                tags(rs.getArray("tags")),
                Visibility.from(rs.getString("visibility")),
                ArticleState.from(rs.getString("state")),
                rs.getObject("owner_id", UUID.class),
                reviewBy == null ? null : reviewBy.toLocalDate(),
                rs.getInt("revision"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                published == null ? null : published.toInstant());
    }

    private static List<String> tags(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
