package dev.casekeeper.customers;

import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.Cursor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for customers, identities, declared fields and their history. */
@Repository
class CustomerQueries {

    private final JdbcClient jdbc;

    CustomerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(
            UUID id,
            String displayName,
            Instant createdAt,
            Instant updatedAt,
            @Nullable UUID mergedInto,
            @Nullable Instant erasedAt) {}

    void insertCustomer(UUID id, String displayName, Instant now) {
        jdbc.sql("""
                        insert into customers.customer (id, display_name, created_at, updated_at)
                        values (:id, :name, :now, :now)
                        """)
                .param("id", id)
                .param("name", displayName)
                .param("now", Timestamp.from(now))
                .update();
    }

    void deleteCustomer(UUID id) {
        jdbc.sql("delete from customers.customer where id = :id")
                .param("id", id)
                .update();
    }

    /** Inserts the identity unless another customer has it; returns the customer that owns it now. */
    UUID insertIdentityOrFindOwner(UUID customerId, IdentityKind kind, String value, boolean verified, Instant now) {
        var inserted = jdbc.sql("""
                        insert into customers.identity (id, customer_id, kind, value, verified, created_at)
                        values (:id, :customer, :kind, :value, :verified, :now)
                        on conflict (kind, value) do nothing
                        returning customer_id
                        """)
                .param("id", UUID.randomUUID())
                .param("customer", customerId)
                .param("kind", kind.value())
                .param("value", value)
                .param("verified", verified)
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .optional();
        return inserted.orElseGet(() -> findOwner(kind, value).orElseThrow());
    }

    Optional<UUID> findOwner(IdentityKind kind, String value) {
        return jdbc.sql("select customer_id from customers.identity where kind = :kind and value = :value")
                .param("kind", kind.value())
                .param("value", value)
                .query(UUID.class)
                .optional();
    }

    /** The record and every record merged into it, at any depth. */
    List<UUID> recordsOf(UUID customerId) {
        return jdbc.sql("""
                        with recursive merged(id) as (
                            select cast(:id as uuid)
                            union
                            select c.id from customers.customer c join merged m on c.merged_into = m.id
                        )
                        select id from merged
                        """).param("id", customerId).query(UUID.class).list();
    }

    Optional<UUID> mergedInto(UUID id) {
        return jdbc.sql("select merged_into from customers.customer where id = :id and merged_into is not null")
                .param("id", id)
                .query(UUID.class)
                .optional();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("select * from customers.customer where id = :id")
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    List<Row> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from customers.customer where id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> row(rs))
                .list();
    }

    /**
     * Customers whose name, email or phone number contains {@code q}, or with a word in their name
     * like it (trigrams, so a misspelt name still finds them), closest names first. Each way is a
     * branch one index answers (the name's and the identities' trigram indexes, the identities'
     * prefix index), joined by UNION: an OR over them with an EXISTS would scan every customer.
     * Below three characters, where trigrams cannot help, only emails and phone numbers beginning
     * with {@code q} match. Runs in the caller's transaction, which the looser word-similarity
     * threshold is set for.
     */
    List<UUID> matching(String q, int limit) {
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String prefix =
                q.toLowerCase(java.util.Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%";
        String digits = q.matches("[+0-9 ()./-]+") ? q.replaceAll("[^0-9]", "") : "";
        var branches = new ArrayList<String>();
        branches.add(
                "select customer_id from customers.identity where kind in ('email', 'phone') and value like :prefix");
        if (q.length() >= 3) {
            branches.add("select id from customers.customer where display_name ilike :like or :q <% display_name");
            if (q.chars().noneMatch(Character::isWhitespace)) {
                // No address has a space: words searched together skip the trigram index of every
                // email (13 ms for "refund delivery" at 200k customers, finding nothing).
                branches.add("select customer_id from customers.identity where kind = 'email' and value ilike :like");
            }
        }
        if (digits.length() >= 4) {
            branches.add("select customer_id from customers.identity where kind = 'phone' and value like :digits");
        }
        jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', '0.4', true)")
                .query()
                .singleValue();
        return jdbc.sql("select c.id from customers.customer c where c.merged_into is null and c.id in ("
                        + String.join(" union ", branches)
                        + ") order by word_similarity(:q, c.display_name) desc, c.id limit :limit")
                .param("q", q)
                .param("like", like)
                .param("prefix", prefix)
                .param("digits", "%" + digits + "%")
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /**
     * @param containing JSON the customer's custom field values must contain (null: any), as
     *     {@link CustomerValueQueries#containment} writes it; the values' GIN index answers it
     */
    List<Row> search(@Nullable String q, @Nullable String containing, @Nullable Cursor after, int limit) {
        // The field filter is written only when set: "(:x is null or ...)" keeps a cached generic plan
        // from reading the values' GIN index, and a rare value then walks every customer.
        String fields = containing == null ? "" : " and c.custom_fields @> cast(:containing as jsonb)";
        return jdbc.sql("""
                        select c.* from customers.customer c
                        where c.merged_into is null""" + fields + """

                          and (cast(:q as text) is null
                               or c.display_name ilike '%' || :q || '%'
                               or c.display_name % :q
                               or exists (select 1 from customers.identity i
                                          where i.customer_id = c.id
                                            and (i.value ilike '%' || :q || '%'
                                                 or (:digits <> '' and i.kind = 'phone'
                                                     and i.value like '%' || :digits || '%'))))
                          and (cast(:afterAt as timestamptz) is null or (c.created_at, c.id) < (:afterAt, :afterId))
                        order by c.created_at desc, c.id desc
                        limit :limit
                        """)
                .param("q", q)
                .params(containing == null ? Map.of() : Map.of("containing", containing))
                .param(
                        "digits",
                        q == null ? "" : q.replaceAll("[^0-9]", "").length() >= 4 ? q.replaceAll("[^0-9]", "") : "")
                .param("afterAt", after == null ? null : Timestamp.from(after.createdAt()))
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list();
    }

    Map<UUID, List<Identity>> identities(Collection<UUID> customerIds) {
        Map<UUID, List<Identity>> result = new LinkedHashMap<>();
        if (customerIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select * from customers.identity where customer_id in (:ids) order by kind, created_at, value")
                .param("ids", customerIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject("customer_id", UUID.class), k -> new ArrayList<>())
                            .add(new Identity(
                                    IdentityKind.from(rs.getString("kind")),
                                    rs.getString("value"),
                                    rs.getBoolean("verified")));
                });
        return result;
    }

    Optional<DeclaredField> field(UUID customerId, String field) {
        return jdbc.sql("""
                        select value, set_by_kind, set_by_id, set_at from customers.declared_field
                        where customer_id = :id and field = :field
                        """)
                .param("id", customerId)
                .param("field", field)
                .query((rs, n) -> declared(rs))
                .optional();
    }

    Map<UUID, Map<String, DeclaredField>> fields(Collection<UUID> customerIds) {
        Map<UUID, Map<String, DeclaredField>> result = new LinkedHashMap<>();
        if (customerIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select * from customers.declared_field where customer_id in (:ids)")
                .param("ids", customerIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject("customer_id", UUID.class), k -> new TreeMap<>())
                            .put(rs.getString("field"), declared(rs));
                });
        return result;
    }

    void updateDisplayName(UUID id, String displayName, Instant now) {
        jdbc.sql("update customers.customer set display_name = :name, updated_at = :now where id = :id")
                .param("id", id)
                .param("name", displayName)
                .param("now", Timestamp.from(now))
                .update();
    }

    void touch(UUID id, Instant now) {
        jdbc.sql("update customers.customer set updated_at = :now where id = :id")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .update();
    }

    void putField(UUID customerId, String field, String value, Actor actor, Instant now) {
        jdbc.sql("""
                        insert into customers.declared_field (customer_id, field, value, set_by_kind, set_by_id, set_at)
                        values (:customer, :field, :value, :kind, :actorId, :now)
                        on conflict (customer_id, field) do update
                        set value = excluded.value, set_by_kind = excluded.set_by_kind,
                            set_by_id = excluded.set_by_id, set_at = excluded.set_at
                        """)
                .param("customer", customerId)
                .param("field", field)
                .param("value", value)
                .param("kind", actor.kind().value())
                .param("actorId", actor.id())
                .param("now", Timestamp.from(now))
                .update();
    }

    void removeField(UUID customerId, String field) {
        jdbc.sql("delete from customers.declared_field where customer_id = :customer and field = :field")
                .param("customer", customerId)
                .param("field", field)
                .update();
    }

    void setVerified(UUID customerId, IdentityKind kind, String value, boolean verified) {
        jdbc.sql("""
                        update customers.identity set verified = :verified
                        where customer_id = :customer and kind = :kind and value = :value
                        """)
                .param("customer", customerId)
                .param("kind", kind.value())
                .param("value", value)
                .param("verified", verified)
                .update();
    }

    void recordHistory(
            UUID customerId, Actor actor, String field, @Nullable String before, @Nullable String after, Instant now) {
        jdbc.sql("""
                        insert into customers.history (customer_id, actor_kind, actor_id, field, before, after, at)
                        values (:customer, :kind, :actorId, :field, :before, :after, :now)
                        """)
                .param("customer", customerId)
                .param("kind", actor.kind().value())
                .param("actorId", actor.id())
                .param("field", field)
                .param("before", before)
                .param("after", after)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The customer's history, with that of the records merged into hers (a merge moves history; an undo moves it back). */
    List<CustomerChange> history(UUID customerId) {
        return jdbc.sql("""
                        select * from customers.history
                        where customer_id = :customer
                           or customer_id in (select id from customers.customer where merged_into = :customer)
                        order by id
                        """)
                .param("customer", customerId)
                .query((rs, n) -> new CustomerChange(
                        new Actor(
                                Actor.Kind.valueOf(rs.getString("actor_kind").toUpperCase()),
                                rs.getObject("actor_id", UUID.class)),
                        rs.getString("field"),
                        rs.getString("before"),
                        rs.getString("after"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    private static DeclaredField declared(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DeclaredField(
                rs.getString("value"),
                Actor.Kind.valueOf(rs.getString("set_by_kind").toUpperCase(java.util.Locale.ROOT)),
                rs.getObject("set_by_id", UUID.class),
                rs.getTimestamp("set_at").toInstant());
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        var erased = rs.getTimestamp("erased_at");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("display_name"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getObject("merged_into", UUID.class),
                erased == null ? null : erased.toInstant());
    }
}
