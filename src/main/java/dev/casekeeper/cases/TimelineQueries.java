package dev.casekeeper.cases;

import dev.casekeeper.shared.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The timeline's rows: entries appended, read back whole, one by one or as an outline, and replies' delivery. */
@Repository
class TimelineQueries {

    private final JdbcClient jdbc;

    TimelineQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insertEntry(
            UUID caseId,
            EntryKind kind,
            Actor author,
            @Nullable String text,
            @Nullable String html,
            @Nullable String eventType,
            @Nullable String dataJson,
            Instant now) {
        var id = UUID.randomUUID();
        TransactionOutlines.forget();
        jdbc.sql("""
                        insert into cases.timeline_entry
                            (id, case_id, kind, author_kind, author_id, body_text, body_html, event_type, data, created_at,
                             language)
                        values (:id, :case, :kind, :authorKind, :authorId, :text, :html, :eventType,
                                cast(:data as jsonb), :now,
                                case when :kind <> 'event'
                                     then (select language from cases.support_case where id = :case) end)
                        """)
                .param("id", id)
                .param("case", caseId)
                .param("kind", kind.value())
                .param("authorKind", author.kind().value())
                .param("authorId", author.id())
                .param("text", text)
                .param("html", html)
                .param("eventType", eventType)
                .param("data", dataJson)
                .param("now", Timestamp.from(now))
                .update();
        return id;
    }

    record EntryRow(
            UUID id,
            EntryKind kind,
            Actor author,
            @Nullable String text,
            @Nullable String html,
            @Nullable String eventType,
            @Nullable String dataJson,
            Instant createdAt,
            @Nullable Delivery delivery) {}

    List<EntryRow> timeline(UUID caseId, @Nullable Set<String> eventTypes) {
        String where = eventTypes == null ? "" : " and e.event_type in (:types)";
        var spec = jdbc.sql("""
                        select e.*, d.state as delivery_state, d.detail as delivery_detail, d.updated_at as delivery_at
                        from cases.timeline_entry e left join cases.delivery d on d.entry_id = e.id
                        where e.case_id = :case
                        """ + where + " order by e.position").param("case", caseId);
        if (eventTypes != null) {
            spec = spec.param("types", eventTypes);
        }
        return spec.query((rs, n) -> row(rs, true)).list();
    }

    /**
     * {@link #timeline} with the entries of the cases merged into this one (and into those), in the
     * order they were written, for a person reading the case.
     */
    List<EntryRow> timelineWithMerged(UUID caseId) {
        return jdbc.sql("""
                        with recursive merged(id, depth) as (
                            select cast(:case as uuid), 0
                            union all
                            select m.source_id, d.depth + 1 from cases.merge m join merged d on m.target_id = d.id
                            where m.undone_at is null and d.depth < 20)
                        select e.*, d.state as delivery_state, d.detail as delivery_detail, d.updated_at as delivery_at
                        from cases.timeline_entry e left join cases.delivery d on d.entry_id = e.id
                        where e.case_id in (select id from merged)
                        order by e.position
                        """)
                .param("case", caseId)
                .query((rs, n) -> row(rs, true))
                .list();
    }

    /** One entry of a case, as {@link #timeline} reads it; empty when the case has no such entry. */
    List<EntryRow> entry(UUID caseId, UUID entryId) {
        return jdbc.sql("""
                        select e.*, d.state as delivery_state, d.detail as delivery_detail, d.updated_at as delivery_at
                        from cases.timeline_entry e left join cases.delivery d on d.entry_id = e.id
                        where e.case_id = :case and e.id = :entry
                        """)
                .param("case", caseId)
                .param("entry", entryId)
                .query((rs, n) -> row(rs, true))
                .list();
    }

    /**
     * The timeline without what listeners do not read: HTML, the data of messages and notes (but of
     * Casekeeper's own replies: response clocks leave out an automation's email), deliveries.
     */
    List<EntryRow> outline(UUID caseId) {
        return jdbc.sql("""
                        select id, kind, author_kind, author_id, body_text, event_type,
                               case when kind = 'event' or (kind = 'message_out' and author_kind = 'system')
                                    then data end as data,
                               created_at
                        from cases.timeline_entry
                        where case_id = :case
                        order by position
                        """)
                .param("case", caseId)
                .query((rs, n) -> row(rs, false))
                .list();
    }

    private static EntryRow row(ResultSet rs, boolean delivery) throws SQLException {
        return new EntryRow(
                rs.getObject("id", UUID.class),
                EntryKind.from(rs.getString("kind")),
                new Actor(
                        Actor.Kind.valueOf(rs.getString("author_kind").toUpperCase(java.util.Locale.ROOT)),
                        rs.getObject("author_id", UUID.class)),
                rs.getString("body_text"),
                delivery ? rs.getString("body_html") : null,
                rs.getString("event_type"),
                rs.getString("data"),
                rs.getTimestamp("created_at").toInstant(),
                delivery ? delivery(rs) : null);
    }

    /** Sets the delivery state of an outgoing entry; false when no such outgoing entry is on that case. */
    boolean recordDelivery(UUID caseId, UUID entryId, DeliveryState state, @Nullable String detail, Instant now) {
        return jdbc.sql("""
                        insert into cases.delivery (entry_id, state, detail, updated_at)
                        select e.id, :state, :detail, :now from cases.timeline_entry e
                        where e.id = :entry and e.case_id = :case and e.kind in ('message_out', 'note')
                        on conflict (entry_id) do update
                            set state = excluded.state, detail = excluded.detail, updated_at = excluded.updated_at
                        """)
                        .param("entry", entryId)
                        .param("case", caseId)
                        .param("state", state.value())
                        .param("detail", detail)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    private static @Nullable Delivery delivery(ResultSet rs) throws SQLException {
        String state = rs.getString("delivery_state");
        return state == null
                ? null
                : new Delivery(
                        DeliveryState.from(state),
                        rs.getString("delivery_detail"),
                        rs.getTimestamp("delivery_at").toInstant());
    }

    List<UUID> messagesFrom(List<UUID> customers) {
        if (customers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id from cases.timeline_entry
                        where kind = 'message_in' and author_kind = 'customer' and author_id in (:ids)
                        """).param("ids", customers).query(UUID.class).list();
    }
}
