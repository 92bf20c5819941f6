package dev.casekeeper.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of {@link CaseImports}: a batch of cases or entries in one statement each, as arrays unnested
 * into rows, so a batch costs one round trip however many rows it has.
 */
@Repository
class ImportQueries {

    record CaseRow(
            UUID id,
            String subject,
            UUID requester,
            String channel,
            String status,
            String priority,
            List<String> tags,
            String customFieldsJson,
            Instant createdAt,
            Instant updatedAt) {}

    record EntryRow(
            UUID id,
            UUID caseId,
            String kind,
            String authorKind,
            @Nullable UUID authorId,
            String text,
            @Nullable String html,
            @Nullable String dataJson,
            Instant at) {}

    private final JdbcClient jdbc;

    ImportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or updates the cases; answers how many were inserted. */
    int upsertCases(List<CaseRow> rows, Instant now) {
        // An imported open case waits from the import on, not from 2019: views sort by it.
        return jdbc
                .sql("""
                        insert into cases.support_case as c
                            (id, subject, requester_id, channel, status, priority, tags, custom_fields, created_at,
                             updated_at, waiting_since, solved_at, closed_at)
                        select u.id::uuid, u.subject, u.requester::uuid, u.channel, u.status, u.priority,
                               case when u.tags = '' then '{}'::text[] else string_to_array(u.tags, chr(31)) end,
                               u.fields::jsonb, u.created::timestamptz, u.updated::timestamptz,
                               case when u.status in ('solved', 'closed') then null else cast(:now as timestamptz) end,
                               case when u.status in ('solved', 'closed') then u.updated::timestamptz end,
                               case when u.status = 'closed' then u.updated::timestamptz end
                        from unnest(cast(:ids as text[]), cast(:subjects as text[]), cast(:requesters as text[]),
                                    cast(:channels as text[]), cast(:statuses as text[]), cast(:priorities as text[]),
                                    cast(:tags as text[]), cast(:fields as text[]), cast(:created as text[]),
                                    cast(:updated as text[]))
                             as u(id, subject, requester, channel, status, priority, tags, fields, created, updated)
                        on conflict (id) do update
                            set subject = excluded.subject, requester_id = excluded.requester_id,
                                status = excluded.status, priority = excluded.priority, tags = excluded.tags,
                                custom_fields = c.custom_fields || excluded.custom_fields,
                                updated_at = excluded.updated_at, solved_at = excluded.solved_at,
                                closed_at = excluded.closed_at,
                                waiting_since = case when excluded.status in ('solved', 'closed') then null
                                                     else coalesce(c.waiting_since, excluded.waiting_since) end,
                                version = c.version + 1
                            where c.removed is null
                        returning (xmax = 0) as inserted
                        """)
                .param("now", Timestamp.from(now))
                .param("ids", rows.stream().map(r -> r.id().toString()).toArray(String[]::new))
                .param("subjects", rows.stream().map(CaseRow::subject).toArray(String[]::new))
                .param(
                        "requesters",
                        rows.stream().map(r -> r.requester().toString()).toArray(String[]::new))
                .param("channels", rows.stream().map(CaseRow::channel).toArray(String[]::new))
                .param("statuses", rows.stream().map(CaseRow::status).toArray(String[]::new))
                .param("priorities", rows.stream().map(CaseRow::priority).toArray(String[]::new))
                .param(
                        "tags",
                        rows.stream().map(r -> String.join("\u001f", r.tags())).toArray(String[]::new))
                .param("fields", rows.stream().map(CaseRow::customFieldsJson).toArray(String[]::new))
                .param(
                        "created",
                        rows.stream().map(r -> r.createdAt().toString()).toArray(String[]::new))
                .param(
                        "updated",
                        rows.stream().map(r -> r.updatedAt().toString()).toArray(String[]::new))
                .query(Boolean.class)
                .list()
                .stream()
                .mapToInt(inserted -> inserted ? 1 : 0)
                .sum();
    }

    Set<UUID> existing(List<UUID> ids) {
        return new HashSet<>(jdbc.sql("select id from cases.support_case where id = any(cast(:ids as uuid[]))")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class)
                .list());
    }

    /** Inserts the entries not there yet (the timeline is append-only: an imported message never changes). */
    void insertEntries(List<EntryRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into cases.timeline_entry
                            (id, case_id, kind, author_kind, author_id, body_text, body_html, data, created_at)
                        select u.id::uuid, u.case_id::uuid, u.kind, u.author_kind, u.author_id::uuid, u.text, u.html,
                               u.data::jsonb, u.at::timestamptz
                        from unnest(cast(:ids as text[]), cast(:cases as text[]), cast(:kinds as text[]),
                                    cast(:authorKinds as text[]), cast(:authors as text[]), cast(:texts as text[]),
                                    cast(:htmls as text[]), cast(:data as text[]), cast(:ats as text[]))
                             as u(id, case_id, kind, author_kind, author_id, text, html, data, at)
                        order by u.at
                        on conflict (id) do nothing
                        """)
                .param("ids", rows.stream().map(r -> r.id().toString()).toArray(String[]::new))
                .param("cases", rows.stream().map(r -> r.caseId().toString()).toArray(String[]::new))
                .param("kinds", rows.stream().map(EntryRow::kind).toArray(String[]::new))
                .param("authorKinds", rows.stream().map(EntryRow::authorKind).toArray(String[]::new))
                .param(
                        "authors",
                        rows.stream()
                                .map(r -> r.authorId() == null
                                        ? null
                                        : r.authorId().toString())
                                .toArray(String[]::new))
                .param("texts", rows.stream().map(EntryRow::text).toArray(String[]::new))
                .param("htmls", rows.stream().map(EntryRow::html).toArray(String[]::new))
                .param("data", rows.stream().map(EntryRow::dataJson).toArray(String[]::new))
                .param("ats", rows.stream().map(r -> r.at().toString()).toArray(String[]::new))
                .update();
    }

    /** The first reply of each case, from its replies (imported ones included). */
    void firstResponses(List<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update cases.support_case c set first_response_at = f.at
                        from (select case_id, min(created_at) as at from cases.timeline_entry
                              where case_id = any(cast(:ids as uuid[])) and kind = 'message_out'
                              group by case_id) f
                        where c.id = f.case_id and (c.first_response_at is null or c.first_response_at > f.at)
                        """)
                .param("ids", caseIds.stream().map(UUID::toString).toArray(String[]::new))
                .update();
    }
}
