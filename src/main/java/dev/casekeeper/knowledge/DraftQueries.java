package dev.casekeeper.knowledge;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the pending draft of a published article. It is read in the shape of an article (the
 * article's number, family, language and dates with the draft's text), so one mapper serves both.
 */
@Repository
class DraftQueries {

    private static final String SELECT = """
            select a.id, a.number, a.family_id, a.locale, d.title, d.slug, d.summary, d.body, d.body_html,
                   d.category, d.section, d.tags, d.visibility, d.state, d.owner_id, d.review_by, d.revision,
                   a.created_at, d.updated_at, a.published_at
              from knowledge.pending_draft d join knowledge.article a on a.id = d.article_id
            """;

    private final JdbcClient jdbc;

    DraftQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Article> find(UUID articleId) {
        return jdbc.sql(SELECT + " where d.article_id = :id")
                .param("id", articleId)
                .query(ArticleQueries::article)
                .optional();
    }

    /** The pending drafts of the given articles, by article. */
    Map<UUID, Article> of(Collection<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(SELECT + " where d.article_id = any(:ids)")
                .param("ids", articleIds.toArray(UUID[]::new))
                .query(ArticleQueries::article)
                .list()
                .stream()
                .collect(Collectors.toMap(d -> d.id().value(), Function.identity()));
    }

    /** Writes the draft, the first or over the one pending. */
    void save(Article d, UUID by) {
        jdbc.sql("""
                        insert into knowledge.pending_draft (article_id, title, slug, summary, body, body_html, category,
                            section, tags, visibility, state, owner_id, review_by, revision, updated_at, updated_by)
                        values (:id, :title, :slug, :summary, :body, :html, :category, :section,
                            string_to_array(:tags, chr(31)), :visibility, :state, :owner, :reviewBy, :revision, :now, :by)
                        on conflict (article_id) do update set title = excluded.title, slug = excluded.slug,
                            summary = excluded.summary, body = excluded.body, body_html = excluded.body_html,
                            category = excluded.category, section = excluded.section, tags = excluded.tags,
                            visibility = excluded.visibility, state = excluded.state, owner_id = excluded.owner_id,
                            review_by = excluded.review_by, revision = excluded.revision,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        """)
                .param("id", d.id().value())
                .param("title", d.title())
                .param("slug", d.slug())
                .param("summary", d.summary())
                .param("body", d.body())
                .param("html", d.html())
                .param("category", d.category())
                .param("section", d.section())
                .param("tags", String.join("\u001f", d.tags()))
                .param("visibility", d.visibility().value())
                .param("state", d.state().value())
                .param("owner", d.ownerId())
                .param("reviewBy", d.reviewBy() == null ? null : Date.valueOf(d.reviewBy()))
                .param("revision", d.revision())
                .param("now", Timestamp.from(d.updatedAt()))
                .param("by", by)
                .update();
    }

    boolean delete(UUID articleId) {
        return jdbc.sql("delete from knowledge.pending_draft where article_id = :id")
                        .param("id", articleId)
                        .update()
                == 1;
    }

    /** The number the article's next revision gets: after the live one and any draft's. */
    int nextRevision(UUID articleId) {
        return jdbc.sql("select coalesce(max(revision), 0) + 1 from knowledge.revision where article_id = :id")
                .param("id", articleId)
                .query(Integer.class)
                .single();
    }
}
