package dev.casekeeper.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit table: inserts only, and listings newest first by (at, id). */
@Repository
class AuditQueries {

    /** Rows fetched per round trip when a whole listing is streamed (an export). */
    private static final int FETCH_SIZE = 500;

    private static final String COLUMNS = """
            id, at, kind, actor_kind, actor_id, actor_email, subject_type, subject_id, summary, address""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;

    AuditQueries(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        var fetching = new JdbcTemplate(template.getDataSource());
        fetching.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
    }

    void insert(AuditEntry entry) {
        jdbc.sql("insert into audit.entry (" + COLUMNS + """
                        ) values (:id, :at, :kind, :actorKind, :actorId, :actorEmail, :subjectType, :subjectId,
                                  :summary, :address)""")
                .param("id", entry.id())
                .param("at", Timestamp.from(entry.at()))
                .param("kind", entry.kind())
                .param("actorKind", entry.actorKind())
                .param("actorId", entry.actorId())
                .param("actorEmail", entry.actorEmail())
                .param("subjectType", entry.subjectType())
                .param("subjectId", entry.subjectId())
                .param("summary", entry.summary())
                .param("address", entry.address())
                .update();
    }

    /** One page: entries matching the search, older than the keyset position when there is one. */
    List<AuditEntry> page(AuditSearch search, @Nullable Instant beforeAt, @Nullable UUID beforeId, int limit) {
        var where = new Where(search);
        if (beforeAt != null && beforeId != null) {
            where.add("(at, id) < (:beforeAt, :beforeId)");
            where.params.put("beforeAt", Timestamp.from(beforeAt));
            where.params.put("beforeId", beforeId);
        }
        where.params.put("limit", limit);
        return jdbc.sql("select " + COLUMNS + " from audit.entry" + where + " order by at desc, id desc limit :limit")
                .params(where.params)
                .query(AuditQueries::entry)
                .list();
    }

    /** Every matching entry, newest first, read a few hundred rows at a time (needs a transaction to use a cursor). */
    void each(AuditSearch search, Consumer<AuditEntry> each) {
        var where = new Where(search);
        streaming.query(
                "select " + COLUMNS + " from audit.entry" + where + " order by at desc, id desc", where.params, rs -> {
                    each.accept(entry(rs, 0));
                });
    }

    /**
     * Only the conditions a search uses, so each query is one the planner can serve from the index
     * of its filter ({@code entry_kind}, {@code entry_actor}, ...) rather than a generic plan.
     */
    private static final class Where {

        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new HashMap<>();

        Where(AuditSearch search) {
            if (search.kind() != null) {
                add("kind = :kind");
                params.put("kind", search.kind().value());
            }
            if (search.actor() != null) {
                UUID id = uuid(search.actor());
                if (id != null) {
                    add("actor_id = :actorId");
                    params.put("actorId", id);
                } else {
                    add("actor_email = :actorEmail");
                    params.put("actorEmail", search.actor().toLowerCase(java.util.Locale.ROOT));
                }
            }
            if (search.from() != null) {
                add("at >= :from");
                params.put("from", Timestamp.from(search.from()));
            }
            if (search.to() != null) {
                add("at < :to");
                params.put("to", Timestamp.from(search.to()));
            }
            if (search.text() != null) {
                add("search_text like :text");
                params.put("text", "%" + escapeLike(search.text().toLowerCase(java.util.Locale.ROOT)) + "%");
            }
        }

        void add(String condition) {
            conditions.add(condition);
        }

        @Override
        public String toString() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }
    }

    private static @Nullable UUID uuid(String value) {
        try {
            return value.length() == 36 ? UUID.fromString(value) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getObject("id", UUID.class),
                rs.getTimestamp("at").toInstant(),
                rs.getString("kind"),
                rs.getString("actor_kind"),
                rs.getObject("actor_id", UUID.class),
                rs.getString("actor_email"),
                rs.getString("subject_type"),
                rs.getString("subject_id"),
                rs.getString("summary"),
                rs.getString("address"));
    }
}
