package dev.casekeeper.knowledge;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for what agents and customers said about articles: case marks, "was this helpful?", deflections. */
@Repository
class MarkQueries {

    private final JdbcClient jdbc;

    MarkQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether it was recorded: an article helps solve a case once. */
    boolean insert(UUID article, UUID caseId, String kind, UUID agent, String note, Instant at) {
        return insert(article, caseId, kind, agent, note, at, UUID.randomUUID());
    }

    boolean insert(UUID article, UUID caseId, String kind, UUID agent, String note, Instant at, UUID id) {
        return jdbc.sql("""
                        insert into knowledge.case_mark (id, article_id, case_id, kind, agent_id, note, created_at)
                        values (:id, :article, :case, :kind, :agent, :note, :at)
                        on conflict do nothing
                        """)
                        .param("id", id)
                        .param("article", article)
                        .param("case", caseId)
                        .param("kind", kind)
                        .param("agent", agent)
                        .param("note", note)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    Set<UUID> helped(UUID caseId) {
        return new HashSet<>(
                jdbc.sql("select article_id from knowledge.case_mark where case_id = :case and kind = 'helped'")
                        .param("case", caseId)
                        .query(UUID.class)
                        .list());
    }

    void feedback(UUID article, boolean helpful, String comment, Instant at) {
        jdbc.sql("""
                        insert into knowledge.feedback (id, article_id, helpful, comment, created_at)
                        values (:id, :article, :helpful, :comment, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("article", article)
                .param("helpful", helpful)
                .param("comment", comment.isEmpty() ? null : comment)
                .param("at", Timestamp.from(at))
                .update();
    }

    void deflection(UUID article, DeflectedFrom from, Instant at) {
        jdbc.sql("""
                        insert into knowledge.deflection (id, article_id, channel, created_at)
                        values (:id, :article, :channel, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("article", article)
                .param("channel", from.value())
                .param("at", Timestamp.from(at))
                .update();
    }

    dev.casekeeper.knowledge.ArticleStats stats(UUID article) {
        return jdbc.sql("""
                        select (select count(*) from knowledge.feedback where article_id = :a and helpful) as helpful,
                               (select count(*) from knowledge.feedback where article_id = :a and not helpful) as not_helpful,
                               (select count(*) from knowledge.case_mark where article_id = :a and kind = 'helped') as helped,
                               (select count(*) from knowledge.case_mark where article_id = :a and kind = 'outdated') as outdated,
                               (select count(*) from knowledge.deflection where article_id = :a) as deflections,
                               (select count(*) from knowledge.deflection where article_id = :a and channel = 'chat')
                                   as chat_deflections
                        """)
                .param("a", article)
                .query((rs, n) -> new ArticleStats(
                        rs.getLong("helpful"),
                        rs.getLong("not_helpful"),
                        rs.getLong("helped"),
                        rs.getLong("outdated"),
                        rs.getLong("deflections"),
                        rs.getLong("chat_deflections")))
                .single();
    }
}
