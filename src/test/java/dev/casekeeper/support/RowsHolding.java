package dev.casekeeper.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds words that should be gone: every row, in any module's schema, that belongs to some cases (by
 * a {@code case_id} column, or an {@code entry_id} of one of their timeline entries) or to a customer
 * (by {@code customer_id}), and whose text, or bytes read as hex, still hold a marker. Each is given
 * as its table and the start of the row, so a failure says what was left.
 */
public final class RowsHolding {

    private RowsHolding() {}

    /**
     * @param cases a query for the cases' ids, with {@code :scope} as its one parameter
     * @param customer whether rows with {@code scope} as their {@code customer_id} count too
     */
    public static List<String> marker(JdbcClient jdbc, String marker, String cases, UUID scope, boolean customer) {
        var columns = jdbc.sql("""
                        select c.table_schema, c.table_name, c.column_name
                        from information_schema.columns c
                        join information_schema.tables t
                          on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.column_name in ('customer_id', 'case_id', 'entry_id') and t.table_type = 'BASE TABLE'
                          and c.table_schema not in ('pg_catalog', 'information_schema')
                        order by 1, 2, 3
                        """)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        String hex = HexFormat.of().formatHex(marker.getBytes(StandardCharsets.UTF_8));
        var found = new ArrayList<String>();
        for (var column : columns) {
            String table = '"' + column.get(0) + "\".\"" + column.get(1) + '"';
            String match = switch (column.get(2)) {
                case "customer_id" -> customer ? "t.customer_id = :scope" : "false";
                case "case_id" -> "t.case_id in (" + cases + ")";
                default -> "t.entry_id in (select e.id from cases.timeline_entry e where e.case_id in (" + cases + "))";
            };
            jdbc.sql("select left(t::text, 300) from " + table + " t where " + match
                            + " and (t::text ilike :text or t::text ilike :hex)")
                    .param("scope", scope)
                    .param("text", "%" + marker + "%")
                    .param("hex", "%" + hex + "%")
                    .query(String.class)
                    .list()
                    .forEach(row -> found.add(table + ": " + row));
        }
        return found;
    }
}
