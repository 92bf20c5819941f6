package dev.casekeeper.customers;

import dev.casekeeper.shared.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for merges, their audit trail and the rows a merge moves; see {@code customers/V3__self_service.sql}. */
@Repository
class MergeQueries {

    /** A merge row without its trail. */
    record Row(
            UUID id,
            UUID source,
            UUID target,
            Merge.State state,
            @Nullable String note,
            @Nullable UUID proposedBy,
            Instant proposedAt,
            Instant updatedAt,
            @Nullable String moved) {}

    /** An identity as it moves: its row id, to move exactly it back. */
    record MovedIdentity(UUID id, IdentityKind kind, String value) {}

    private final JdbcClient jdbc;

    MergeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID source, UUID target, @Nullable String note, Actor by, Instant now) {
        jdbc.sql("""
                        insert into customers.merge (id, source_id, target_id, state, note, proposed_by, proposed_at, updated_at)
                        values (:id, :source, :target, 'proposed', :note, :by, :now, :now)
                        """)
                .param("id", id)
                .param("source", source)
                .param("target", target)
                .param("note", note)
                .param("by", by.id())
                .param("now", Timestamp.from(now))
                .update();
    }

    void event(UUID mergeId, Merge.State action, Actor actor, @Nullable String reason, Instant now) {
        jdbc.sql("""
                        insert into customers.merge_event (merge_id, action, actor_kind, actor_id, reason, at)
                        values (:merge, :action, :kind, :actor, :reason, :now)
                        """)
                .param("merge", mergeId)
                .param("action", action.value())
                .param("kind", actor.kind().value())
                .param("actor", actor.id())
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .update();
    }

    void setState(UUID id, Merge.State state, @Nullable String moved, Instant now) {
        jdbc.sql("""
                        update customers.merge set state = :state, moved = coalesce(cast(:moved as jsonb), moved),
                            updated_at = :now
                        where id = :id
                        """)
                .param("id", id)
                .param("state", state.value())
                .param("moved", moved)
                .param("now", Timestamp.from(now))
                .update();
    }

    Optional<Row> find(UUID id, boolean lock) {
        return jdbc.sql("select * from customers.merge where id = :id" + (lock ? " for update" : ""))
                .param("id", id)
                .query(MergeQueries::row)
                .optional();
    }

    /** The open proposal joining the two records, in either direction, locked. */
    Optional<Row> openBetween(UUID one, UUID other) {
        return jdbc.sql("""
                        select * from customers.merge
                        where state = 'proposed'
                          and ((source_id = :one and target_id = :other) or (source_id = :other and target_id = :one))
                        for update
                        """)
                .param("one", one)
                .param("other", other)
                .query(MergeQueries::row)
                .optional();
    }

    List<Row> ofCustomer(UUID customer, int limit) {
        return jdbc.sql("""
                        select * from customers.merge where source_id = :customer or target_id = :customer
                        order by updated_at desc, id limit :limit
                        """)
                .param("customer", customer)
                .param("limit", limit)
                .query(MergeQueries::row)
                .list();
    }

    List<Row> inState(Merge.@Nullable State state, int limit) {
        return jdbc.sql("""
                        select * from customers.merge where cast(:state as text) is null or state = :state
                        order by updated_at desc, id limit :limit
                        """)
                .param("state", state == null ? null : state.value())
                .param("limit", limit)
                .query(MergeQueries::row)
                .list();
    }

    Map<UUID, List<Merge.Step>> trails(Collection<UUID> mergeIds) {
        var trails = new HashMap<UUID, List<Merge.Step>>();
        if (mergeIds.isEmpty()) {
            return trails;
        }
        jdbc.sql("select * from customers.merge_event where merge_id in (:ids) order by id")
                .param("ids", mergeIds)
                .query(rs -> {
                    trails.computeIfAbsent(rs.getObject("merge_id", UUID.class), k -> new ArrayList<>())
                            .add(new Merge.Step(
                                    Merge.State.from(rs.getString("action")),
                                    new Actor(
                                            Actor.Kind.valueOf(
                                                    rs.getString("actor_kind").toUpperCase(Locale.ROOT)),
                                            rs.getObject("actor_id", UUID.class)),
                                    rs.getString("reason"),
                                    rs.getTimestamp("at").toInstant()));
                });
        return trails;
    }

    /** Locks both records, in the order of their ids, so two merges of the same records never wait on each other in a circle. */
    void lockCustomers(UUID one, UUID other) {
        jdbc.sql("select id from customers.customer where id in (:one, :other) order by id for update")
                .param("one", one)
                .param("other", other)
                .query(UUID.class)
                .list();
    }

    List<MovedIdentity> moveAllIdentities(UUID from, UUID to) {
        return jdbc.sql("""
                        update customers.identity set customer_id = :to where customer_id = :from
                        returning id, kind, value
                        """)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new MovedIdentity(
                        rs.getObject("id", UUID.class), IdentityKind.from(rs.getString("kind")), rs.getString("value")))
                .list();
    }

    /** Moves back the identities a merge moved that are still with the target. */
    int moveIdentitiesBack(Collection<UUID> identityIds, UUID from, UUID to) {
        if (identityIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update customers.identity set customer_id = :to where id in (:ids) and customer_id = :from")
                .param("ids", identityIds)
                .param("from", from)
                .param("to", to)
                .update();
    }

    /** Copies the source's declared fields the target lacks, keeping who set them and when; the keys copied. */
    List<String> copyMissingFields(UUID from, UUID to) {
        return jdbc.sql("""
                        insert into customers.declared_field (customer_id, field, value, set_by_kind, set_by_id, set_at)
                        select :to, f.field, f.value, f.set_by_kind, f.set_by_id, f.set_at
                        from customers.declared_field f
                        where f.customer_id = :from and f.field <> :name
                          and not exists (select 1 from customers.declared_field t
                                          where t.customer_id = :to and t.field = f.field)
                        returning field
                        """)
                .param("from", from)
                .param("to", to)
                .param("name", Customer.DISPLAY_NAME)
                .query(String.class)
                .list();
    }

    /** Removes the fields a merge copied to the target, unless they were changed since (then they stay). */
    void removeCopiedFields(UUID from, UUID to, Collection<String> fields) {
        if (fields.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        delete from customers.declared_field t
                        using customers.declared_field f
                        where t.customer_id = :to and f.customer_id = :from and t.field = f.field
                          and t.field in (:fields) and t.value = f.value and t.set_at = f.set_at
                        """)
                .param("from", from)
                .param("to", to)
                .param("fields", fields)
                .update();
    }

    void setMergedInto(UUID customer, @Nullable UUID into, Instant now) {
        jdbc.sql("update customers.customer set merged_into = :into, updated_at = :now where id = :id")
                .param("id", customer)
                .param("into", into)
                .param("now", Timestamp.from(now))
                .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("source_id", UUID.class),
                rs.getObject("target_id", UUID.class),
                Merge.State.from(rs.getString("state")),
                rs.getString("note"),
                rs.getObject("proposed_by", UUID.class),
                rs.getTimestamp("proposed_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("moved"));
    }
}
