package dev.casekeeper.cases;

import dev.casekeeper.shared.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of merges and links between cases: written once, taken back by setting when. */
@Repository
class CaseRelationQueries {

    record MergeRow(
            UUID id,
            UUID sourceId,
            UUID targetId,
            CaseStatus sourceStatus,
            Actor by,
            Instant mergedAt,
            @Nullable Instant undoneAt) {}

    record LinkRow(
            UUID id,
            UUID parentId,
            UUID childId,
            Actor by,
            Instant linkedAt,
            @Nullable Instant unlinkedAt) {}

    private final JdbcClient jdbc;

    CaseRelationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertMerge(UUID id, UUID sourceId, UUID targetId, CaseStatus sourceStatus, Actor by, Instant now) {
        jdbc.sql("""
                        insert into cases.merge (id, source_id, target_id, source_status, actor_kind, actor_id, merged_at)
                        values (:id, :source, :target, :status, :kind, :actor, :now)
                        """)
                .param("id", id)
                .param("source", sourceId)
                .param("target", targetId)
                .param("status", sourceStatus.value())
                .param("kind", by.kind().value())
                .param("actor", by.id())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The merge that closed this case, while it stands. */
    Optional<MergeRow> activeMergeOf(UUID sourceId) {
        return jdbc.sql("select * from cases.merge where source_id = :source and undone_at is null")
                .param("source", sourceId)
                .query(CaseRelationQueries::merge)
                .optional();
    }

    /** Every merge this case took part in, either side, undone ones too, oldest first. */
    List<MergeRow> mergesOf(UUID caseId) {
        return jdbc.sql("""
                        select * from cases.merge where source_id = :case or target_id = :case
                        order by merged_at, id
                        """)
                .param("case", caseId)
                .query(CaseRelationQueries::merge)
                .list();
    }

    void undoMerge(UUID id, UUID by, Instant now) {
        jdbc.sql("update cases.merge set undone_at = :now, undone_by = :by where id = :id and undone_at is null")
                .param("id", id)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Where a message for this case goes: the case at the end of its standing merges (a duplicate
     * merged into a case itself merged later), or the case itself.
     */
    UUID current(UUID caseId) {
        return jdbc.sql("""
                        with recursive chain(id, depth) as (
                            select cast(:case as uuid), 0
                            union all
                            select m.target_id, c.depth + 1 from cases.merge m join chain c on m.source_id = c.id
                            where m.undone_at is null and c.depth < 20)
                        select id from chain order by depth desc limit 1
                        """).param("case", caseId).query(UUID.class).single();
    }

    void insertLink(UUID id, UUID parentId, UUID childId, Actor by, Instant now) {
        jdbc.sql("""
                        insert into cases.link (id, parent_id, child_id, actor_kind, actor_id, linked_at)
                        values (:id, :parent, :child, :kind, :actor, :now)
                        """)
                .param("id", id)
                .param("parent", parentId)
                .param("child", childId)
                .param("kind", by.kind().value())
                .param("actor", by.id())
                .param("now", Timestamp.from(now))
                .update();
    }

    boolean linked(UUID one, UUID other) {
        return jdbc.sql("""
                        select count(*) from cases.link
                        where unlinked_at is null
                          and least(parent_id, child_id) = least(cast(:one as uuid), cast(:other as uuid))
                          and greatest(parent_id, child_id) = greatest(cast(:one as uuid), cast(:other as uuid))
                        """)
                        .param("one", one)
                        .param("other", other)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<LinkRow> link(UUID id) {
        return jdbc.sql("select * from cases.link where id = :id")
                .param("id", id)
                .query(CaseRelationQueries::link)
                .optional();
    }

    /** Every link this case took part in, either side, removed ones too, oldest first. */
    List<LinkRow> linksOf(UUID caseId) {
        return jdbc.sql("""
                        select * from cases.link where parent_id = :case or child_id = :case
                        order by linked_at, id
                        """)
                .param("case", caseId)
                .query(CaseRelationQueries::link)
                .list();
    }

    void unlink(UUID id, UUID by, Instant now) {
        jdbc.sql("update cases.link set unlinked_at = :now, unlinked_by = :by where id = :id and unlinked_at is null")
                .param("id", id)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
    }

    private static MergeRow merge(ResultSet rs, int n) throws SQLException {
        var undone = rs.getTimestamp("undone_at");
        return new MergeRow(
                rs.getObject("id", UUID.class),
                rs.getObject("source_id", UUID.class),
                rs.getObject("target_id", UUID.class),
                CaseStatus.from(rs.getString("source_status")),
                actor(rs),
                rs.getTimestamp("merged_at").toInstant(),
                undone == null ? null : undone.toInstant());
    }

    private static LinkRow link(ResultSet rs, int n) throws SQLException {
        var unlinked = rs.getTimestamp("unlinked_at");
        return new LinkRow(
                rs.getObject("id", UUID.class),
                rs.getObject("parent_id", UUID.class),
                rs.getObject("child_id", UUID.class),
                actor(rs),
                rs.getTimestamp("linked_at").toInstant(),
                unlinked == null ? null : unlinked.toInstant());
    }

    private static Actor actor(ResultSet rs) throws SQLException {
        return new Actor(
                Actor.Kind.valueOf(rs.getString("actor_kind").toUpperCase(java.util.Locale.ROOT)),
                rs.getObject("actor_id", UUID.class));
    }
}
