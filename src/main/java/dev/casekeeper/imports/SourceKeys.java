package dev.casekeeper.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The source's ids and what they became here ({@code imports.source_key}): how a second run finds
 * what the first made, and how a later batch finds a ticket's requester from an earlier one.
 */
@Repository
class SourceKeys {

    /** What a source id became: a record here, and a label (an agent's name, an organization's). */
    record Target(@Nullable UUID id, @Nullable String label) {}

    record Put(
            String sourceId,
            @Nullable UUID target,
            @Nullable String label) {}

    private final JdbcClient jdbc;

    SourceKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Target> find(ImportSource source, String kind, Collection<String> sourceIds) {
        var found = new HashMap<String, Target>();
        if (sourceIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        select source_id, target_id, label from imports.source_key
                        where source = :source and kind = :kind and source_id = any(:ids)
                        """)
                .param("source", source.value())
                .param("kind", kind)
                .param("ids", sourceIds.stream().distinct().toArray(String[]::new))
                .query((rs, n) -> found.put(
                        rs.getString("source_id"),
                        new Target(rs.getObject("target_id", UUID.class), rs.getString("label"))))
                .list();
        return found;
    }

    Map<String, Target> all(ImportSource source, String kind) {
        var found = new HashMap<String, Target>();
        jdbc.sql("select source_id, target_id, label from imports.source_key where source = :source and kind = :kind")
                .param("source", source.value())
                .param("kind", kind)
                .query((rs, n) -> found.put(
                        rs.getString("source_id"),
                        new Target(rs.getObject("target_id", UUID.class), rs.getString("label"))))
                .list();
        return found;
    }

    void put(ImportSource source, String kind, List<Put> keys, UUID job, Instant now) {
        if (keys.isEmpty()) {
            return;
        }
        // One row per source id: an export may hold a record twice (an incremental export's pages).
        var last = new java.util.LinkedHashMap<String, Put>();
        keys.forEach(k -> last.put(k.sourceId(), k));
        var rows = List.copyOf(last.values());
        jdbc.sql("""
                        insert into imports.source_key (source, kind, source_id, target_id, label, job_id, updated_at)
                        select :source, :kind, u.source_id, u.target::uuid, u.label, :job, :now
                        from unnest(cast(:ids as text[]), cast(:targets as text[]), cast(:labels as text[]))
                             as u(source_id, target, label)
                        on conflict (source, kind, source_id) do update
                            set target_id = excluded.target_id, label = excluded.label, job_id = excluded.job_id,
                                updated_at = excluded.updated_at
                        """)
                .param("source", source.value())
                .param("kind", kind)
                .param("job", job)
                .param("now", Timestamp.from(now))
                .param("ids", rows.stream().map(Put::sourceId).toArray(String[]::new))
                .param(
                        "targets",
                        rows.stream()
                                .map(k -> k.target() == null ? null : k.target().toString())
                                .toArray(String[]::new))
                .param("labels", rows.stream().map(Put::label).toArray(String[]::new))
                .update();
    }
}
