package dev.casekeeper.cases;

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

/** SQL for the custom field values of cases (the {@code custom_fields} column). */
@Repository
class CustomValueQueries {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ObjectReader reader;

    CustomValueQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        // A fraction stays exact: 19.99 is a BigDecimal, not the double nearest to it.
        this.reader = json.readerFor(new TypeReference<Map<String, Object>>() {})
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    Optional<Map<String, Object>> of(UUID caseId) {
        return jdbc.sql("select custom_fields::text from cases.support_case where id = :id")
                .param("id", caseId)
                .query(String.class)
                .optional()
                .map(this::read);
    }

    Map<UUID, Map<String, Object>> of(Collection<UUID> caseIds) {
        var found = new HashMap<UUID, Map<String, Object>>();
        if (caseIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select id, custom_fields::text as v from cases.support_case where id in (:ids)")
                .param("ids", List.copyOf(caseIds))
                .query((rs, n) -> found.put(rs.getObject("id", UUID.class), read(rs.getString("v"))))
                .list();
        return found;
    }

    void write(UUID caseId, Map<String, Object> set, List<String> cleared, Instant now) {
        TransactionOutlines.forget();
        jdbc.sql("""
                        update cases.support_case
                        set custom_fields = (custom_fields || cast(:set as jsonb)) - string_to_array(:cleared, chr(31)),
                            updated_at = :now, version = version + 1
                        where id = :id
                        """)
                .param("id", caseId)
                .param("set", json.writeValueAsString(set))
                .param("cleared", String.join("\u001f", cleared))
                .param("now", Timestamp.from(now))
                .update();
    }

    boolean contain(UUID caseId, Map<String, Object> wanted) {
        return jdbc.sql("select custom_fields @> cast(:wanted as jsonb) from cases.support_case where id = :id")
                .param("id", caseId)
                .param("wanted", json.writeValueAsString(wanted))
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    private Map<String, Object> read(String text) {
        Map<String, Object> values = reader.readValue(text);
        values.replaceAll(
                (k, v) -> v instanceof Number n && !(v instanceof BigDecimal) ? new BigDecimal(n.toString()) : v);
        return values;
    }
}
