package dev.casekeeper.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the files of articles ({@code knowledge.article_file}). */
@Repository
class FileQueries {

    private static final String COLUMNS =
            "f.id, f.article_id, f.filename, f.content_type, f.size, f.sha256, f.published, f.created_at";

    private final JdbcClient jdbc;

    FileQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            ArticleId article,
            UUID id,
            String filename,
            String type,
            byte[] content,
            String sha256,
            UUID by,
            Instant now) {
        jdbc.sql("""
                        insert into knowledge.article_file
                            (id, article_id, filename, content_type, size, sha256, content, created_at, created_by)
                        values (:id, :article, :filename, :type, :size, :sha256, :content, :now, :by)
                        """)
                .param("id", id)
                .param("article", article.value())
                .param("filename", filename)
                .param("type", type)
                .param("size", (long) content.length)
                .param("sha256", sha256)
                .param("content", content)
                .param("now", Timestamp.from(now))
                .param("by", by)
                .update();
    }

    int count(ArticleId article) {
        return jdbc.sql("select count(*) from knowledge.article_file where article_id = :article")
                .param("article", article.value())
                .query(Integer.class)
                .single();
    }

    List<ArticleFile> of(ArticleId article) {
        return jdbc.sql("select " + COLUMNS + " from knowledge.article_file f where f.article_id = :article"
                        + " order by f.seq")
                .param("article", article.value())
                .query((rs, n) -> file(rs))
                .list();
    }

    Optional<ArticleFile> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from knowledge.article_file f where f.id = :id")
                .param("id", id)
                .query((rs, n) -> file(rs))
                .optional();
    }

    Optional<ArticleFileContent> content(UUID id) {
        return jdbc.sql("select " + COLUMNS + ", f.content from knowledge.article_file f where f.id = :id")
                .param("id", id)
                .query((rs, n) -> new ArticleFileContent(file(rs), rs.getBytes("content")))
                .optional();
    }

    /**
     * The file with its bytes if the help center may serve it: published with its article, and the
     * article published and public now.
     */
    Optional<ArticleFileContent> publicContent(UUID id) {
        return jdbc.sql("select " + COLUMNS + ", f.content from knowledge.article_file f"
                        + " join knowledge.article a on a.id = f.article_id"
                        + " where f.id = :id and f.published and a.state = 'published' and a.visibility = 'public'")
                .param("id", id)
                .query((rs, n) -> new ArticleFileContent(file(rs), rs.getBytes("content")))
                .optional();
    }

    /** Every file of the article is published with it: the help center serves them from now on. */
    void publish(ArticleId article) {
        jdbc.sql("update knowledge.article_file set published = true where article_id = :article and not published")
                .param("article", article.value())
                .update();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from knowledge.article_file where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    private static ArticleFile file(ResultSet rs) throws SQLException {
        return new ArticleFile(
                rs.getObject("id", UUID.class),
                new ArticleId(rs.getObject("article_id", UUID.class)),
                rs.getString("filename"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("sha256"),
                rs.getBoolean("published"),
                rs.getTimestamp("created_at").toInstant());
    }
}
