package dev.casekeeper.customers;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** SQL for the custom field values of customers (the {@code custom_fields} column). */
@Repository
class CustomerValueQueries {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ObjectReader reader;

    CustomerValueQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        // A fraction stays exact: 19.99 is a BigDecimal, not the double nearest to it.
        this.reader = json.readerFor(new TypeReference<Map<String, Object>>() {})
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    Optional<Map<String, Object>> of(UUID customerId) {
        return jdbc.sql("select custom_fields::text from customers.customer where id = :id")
                .param("id", customerId)
                .query(String.class)
                .optional()
                .map(this::read);
    }

    /** The values, with the customer's row locked until the transaction ends: changes come one at a time. */
    Optional<Map<String, Object>> lock(UUID customerId) {
        return jdbc.sql("select custom_fields::text from customers.customer where id = :id for update")
                .param("id", customerId)
                .query(String.class)
                .optional()
                .map(this::read);
    }

    Map<UUID, Map<String, Object>> of(Collection<UUID> customerIds) {
        var found = new HashMap<UUID, Map<String, Object>>();
        if (customerIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select id, custom_fields::text as v from customers.customer where id in (:ids)")
                .param("ids", List.copyOf(customerIds))
                .query((rs, n) -> found.put(rs.getObject("id", UUID.class), read(rs.getString("v"))))
                .list();
        return found;
    }

    void write(UUID customerId, Map<String, Object> set, List<String> cleared, Instant now) {
        jdbc.sql("""
                        update customers.customer
                        set custom_fields = (custom_fields || cast(:set as jsonb)) - string_to_array(:cleared, chr(31)),
                            updated_at = :now
                        where id = :id
                        """)
                .param("id", customerId)
                .param("set", json.writeValueAsString(set))
                .param("cleared", String.join("\u001f", cleared))
                .param("now", Timestamp.from(now))
                .update();
    }

    boolean contain(UUID customerId, Map<String, Object> wanted) {
        return jdbc.sql("select custom_fields @> cast(:wanted as jsonb) from customers.customer where id = :id")
                .param("id", customerId)
                .param("wanted", json.writeValueAsString(wanted))
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /**
     * Copies the custom field values of {@code from} that {@code to} lacks (a merge: what the record
     * that remains holds wins); the API keys copied.
     */
    List<String> copyMissing(UUID from, UUID to) {
        var keys = jdbc.sql("""
                        select e.key from customers.customer s, customers.customer t, jsonb_each(s.custom_fields) e
                        where s.id = :from and t.id = :to and t.custom_fields -> e.key is null
                        order by e.key
                        """)
                .param("from", from)
                .param("to", to)
                .query(String.class)
                .list();
        if (!keys.isEmpty()) {
            jdbc.sql("""
                            update customers.customer t set custom_fields = s.custom_fields || t.custom_fields
                            from customers.customer s where s.id = :from and t.id = :to
                            """).param("from", from).param("to", to).update();
        }
        return keys;
    }

    /** Removes values a merge copied to {@code to}, unless they were changed since (then they stay). */
    void removeCopied(UUID from, UUID to, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update customers.customer t
                        set custom_fields = t.custom_fields - array(
                            select k from unnest(string_to_array(:keys, chr(31))) k
                            where t.custom_fields -> k = s.custom_fields -> k)
                        from customers.customer s where s.id = :from and t.id = :to
                        """)
                .param("from", from)
                .param("to", to)
                .param("keys", String.join("\u001f", keys))
                .update();
    }

    /** The filter as the JSON a customer's values must contain, for the list's query. */
    String containment(Map<String, Object> wanted) {
        return json.writeValueAsString(wanted);
    }

    private Map<String, Object> read(String text) {
        Map<String, Object> values = reader.readValue(text);
        values.replaceAll(
                (k, v) -> v instanceof Number n && !(v instanceof BigDecimal) ? new BigDecimal(n.toString()) : v);
        return values;
    }
}
