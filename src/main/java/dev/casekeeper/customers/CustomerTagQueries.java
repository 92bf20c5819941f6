package dev.casekeeper.customers;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers' tags: read with the customer, added by imports (never removed by one). */
@Repository
class CustomerTagQueries {

    private final JdbcClient jdbc;

    CustomerTagQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, List<String>> of(Collection<UUID> ids) {
        var tags = new HashMap<UUID, List<String>>();
        if (ids.isEmpty()) {
            return tags;
        }
        jdbc.sql("select id, tags from customers.customer where id in (:ids) and cardinality(tags) > 0")
                .param("ids", ids)
                .query((rs, n) -> {
                    Array array = rs.getArray("tags");
                    tags.put(rs.getObject("id", UUID.class), List.of((String[]) array.getArray()));
                    return null;
                })
                .list();
        return tags;
    }

    /** Adds the tags the customer does not have yet, keeping the order: first those she had. */
    void add(UUID id, List<String> tags, Instant now) {
        if (tags.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update customers.customer
                        set tags = array(select t from unnest(tags || string_to_array(:tags, chr(31)))
                                         with ordinality as u(t, n) group by t order by min(n)),
                            updated_at = :now
                        where id = :id and not (tags @> string_to_array(:tags, chr(31)))
                        """)
                .param("id", id)
                .param("tags", String.join("\u001f", tags))
                .param("now", Timestamp.from(now))
                .update();
    }

    boolean exists(UUID id) {
        return jdbc.sql("select exists (select 1 from customers.customer where id = :id and erased_at is null)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }
}
