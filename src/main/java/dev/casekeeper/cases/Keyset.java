package dev.casekeeper.cases;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A workspace list's order as keys a page can continue from: the sort's values of the last row seen
 * and its id. The next page is "the rows after these values" — an index range, however deep the page
 * — instead of OFFSET, which reads and throws away every row before it, and which skips or repeats
 * cases when new ones arrive between two pages.
 *
 * <p>A cursor is opaque to the browser; one that does not decode, or belongs to another sort, is
 * ignored (the list starts from the top) rather than refused, as lists do with other stale links.
 */
final class Keyset {

    private enum Type {
        TIME,
        NUMBER,
        REAL,
        TEXT
    }

    /** One key of the order: its SQL on {@code c}, how it is compared, and whether it goes down. */
    private record Key(String sql, Type type, boolean descending) {}

    private final CaseSort sort;
    private final boolean ascending;
    private final List<Key> keys;

    Keyset(CaseSort sort, boolean ascending) {
        this.sort = sort;
        this.ascending = ascending;
        boolean desc = !ascending;
        this.keys = switch (sort) {
            case UPDATED -> List.of(new Key("c.updated_at", Type.TIME, desc));
            // Computed by the query that ranks (TextSearch#relevance), named on its rows.
            case RELEVANCE ->
                List.of(new Key("c.relevance", Type.REAL, true), new Key("c.updated_at", Type.TIME, true));
            case CREATED -> List.of(new Key("c.created_at", Type.TIME, desc));
            case NUMBER -> List.of(new Key("c.number", Type.NUMBER, desc));
            case SUBJECT -> List.of(new Key("lower(c.subject)", Type.TEXT, desc));
            case STATUS ->
                List.of(new Key(
                        "array_position(array['new', 'open', 'pending', 'on_hold', 'solved', 'closed'], c.status)",
                        Type.NUMBER,
                        desc));
            case PRIORITY ->
                List.of(
                        new Key(
                                "array_position(array['low', 'normal', 'high', 'urgent'], c.priority)",
                                Type.NUMBER,
                                desc),
                        new Key("c.updated_at", Type.TIME, true));
            // A longer wait is an earlier start; nobody waiting counts as the shortest wait of all.
            case WAITING -> List.of(new Key("coalesce(c.waiting_since, 'infinity')", Type.TIME, ascending));
        };
    }

    /** The order, ended by the id in the first key's direction, so every row has one place. */
    String orderBy() {
        var parts = new ArrayList<String>();
        keys.forEach(key -> parts.add(key.sql() + (key.descending() ? " desc" : " asc")));
        parts.add("c.id" + (keys.getFirst().descending() ? " desc" : " asc"));
        return String.join(", ", parts);
    }

    /** The same order turned around: for the page before a cursor, read backwards. */
    String reverseOrderBy() {
        var parts = new ArrayList<String>();
        keys.forEach(key -> parts.add(key.sql() + (key.descending() ? " asc" : " desc")));
        parts.add("c.id" + (keys.getFirst().descending() ? " asc" : " desc"));
        return String.join(", ", parts);
    }

    /** The key values a cursor carries, selected beside a row's columns. */
    String columns() {
        var columns = new ArrayList<String>();
        for (int i = 0; i < keys.size(); i++) {
            var key = keys.get(i);
            // 'infinity' (nobody waiting) has no Instant: it travels as null.
            String sql = key.type() == Type.TIME ? "nullif(" + key.sql() + ", 'infinity')" : key.sql();
            columns.add(sql + " as keyset_" + i);
        }
        return String.join(", ", columns);
    }

    /** The cursor of a row read with {@link #columns()}. */
    String cursorOf(ResultSet rs, UUID id) throws SQLException {
        var parts = new ArrayList<String>();
        parts.add(sort.key() + (ascending ? "+" : "-"));
        for (int i = 0; i < keys.size(); i++) {
            parts.add(
                    switch (keys.get(i).type()) {
                        case TIME -> {
                            var time = rs.getTimestamp("keyset_" + i);
                            yield time == null ? "" : time.toInstant().toString();
                        }
                        case NUMBER -> Long.toString(rs.getLong("keyset_" + i));
                        case REAL -> Double.toString(rs.getDouble("keyset_" + i));
                        case TEXT ->
                            Base64.getUrlEncoder()
                                    .withoutPadding()
                                    .encodeToString(rs.getString("keyset_" + i).getBytes(StandardCharsets.UTF_8));
                    });
        }
        parts.add(id.toString());
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join("~", parts).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The condition for the rows after ({@code forward}) or before a cursor in this order, its values
     * put into {@code params}; null when the cursor is not one of this order's.
     */
    @Nullable
    String condition(String cursor, boolean forward, Map<String, Object> params) {
        var values = decode(cursor);
        if (values == null) {
            return null;
        }
        var sqls = new ArrayList<String>();
        var bound = new ArrayList<String>();
        var descending = new ArrayList<Boolean>();
        for (int i = 0; i < keys.size(); i++) {
            var key = keys.get(i);
            sqls.add(key.sql());
            descending.add(key.descending());
            bound.add(
                    switch (key.type()) {
                        case TIME -> "coalesce(cast(:keyset_" + i + " as timestamptz), 'infinity')";
                        case NUMBER -> "cast(:keyset_" + i + " as bigint)";
                        case REAL -> "cast(:keyset_" + i + " as double precision)";
                        case TEXT -> "cast(:keyset_" + i + " as text)";
                    });
            params.put("keyset_" + i, values.get(i));
        }
        sqls.add("c.id");
        descending.add(keys.getFirst().descending());
        bound.add(":keyset_id");
        params.put("keyset_id", values.get(keys.size()));
        if (!descending.contains(!descending.getFirst())) {
            // One direction: a row comparison, which an index in this order answers as one range.
            String operator = descending.getFirst() == forward ? " < " : " > ";
            return "(" + String.join(", ", sqls) + ")" + operator + "(" + String.join(", ", bound) + ")";
        }
        // Mixed directions: k1 past v1, or k1 = v1 and k2 past v2, and so on.
        var terms = new ArrayList<String>();
        for (int i = 0; i < sqls.size(); i++) {
            var term = new ArrayList<String>();
            for (int j = 0; j < i; j++) {
                term.add(sqls.get(j) + " = " + bound.get(j));
            }
            term.add(sqls.get(i) + (descending.get(i) == forward ? " < " : " > ") + bound.get(i));
            terms.add("(" + String.join(" and ", term) + ")");
        }
        return "(" + String.join(" or ", terms) + ")";
    }

    /** The cursor's values in key order and then the id, typed for binding; null if it is not this order's. */
    private @Nullable List<Object> decode(String cursor) {
        try {
            var parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("~", -1);
            if (parts.length != keys.size() + 2 || !parts[0].equals(sort.key() + (ascending ? "+" : "-"))) {
                return null;
            }
            var values = new ArrayList<Object>();
            for (int i = 0; i < keys.size(); i++) {
                String part = parts[i + 1];
                values.add(
                        switch (keys.get(i).type()) {
                            case TIME -> part.isEmpty() ? nullTime() : Timestamp.from(Instant.parse(part));
                            case NUMBER -> Long.parseLong(part);
                            case REAL -> Double.parseDouble(part);
                            case TEXT -> new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
                        });
            }
            values.add(UUID.fromString(parts[keys.size() + 1]));
            return values;
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return null;
        }
    }

    /** A null bound as a timestamp, so {@code cast(:v as timestamptz)} knows its type. */
    private static Object nullTime() {
        return new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.TIMESTAMP_WITH_TIMEZONE, null);
    }
}
