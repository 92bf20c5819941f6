package dev.casekeeper.webhooks;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SubscriptionQueries {

    /** What the outbox needs of an enabled subscription to decide whether an event is for it. */
    record Matching(
            UUID id, List<String> eventTypes, @Nullable UUID teamId) {}

    /** What the sender needs: where to, and the sealed secret. */
    record Target(UUID id, String url, String sealedSecret) {}

    /** A failed attempt counted: the failures since the last success, since when, and whether still enabled. */
    record Failing(int failures, Instant since, boolean enabled) {}

    private static final String COLUMNS = """
            id, name, url, event_types, team_id, enabled, failures, failing_since, disabled_at,
            disabled_reason, created_at""";

    private final JdbcClient jdbc;

    SubscriptionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID id,
            String name,
            String url,
            String sealedSecret,
            List<String> types,
            @Nullable UUID teamId,
            Instant now,
            UUID by) {
        jdbc.sql("""
                        insert into webhooks.subscription
                            (id, name, url, secret, event_types, team_id, created_at, created_by)
                        values (:id, :name, :url, :secret, string_to_array(:types, ','), :team, :now, :by)
                        """)
                .param("id", id)
                .param("name", name)
                .param("url", url)
                .param("secret", sealedSecret)
                .param("types", String.join(",", types))
                .param("team", teamId)
                .param("now", Timestamp.from(now))
                .param("by", by)
                .update();
    }

    boolean nameTaken(String name, @Nullable UUID except) {
        return jdbc.sql("""
                        select exists (select 1 from webhooks.subscription
                                        where lower(name) = lower(:name) and id is distinct from :except)
                        """)
                .param("name", name)
                .param("except", except)
                .query(Boolean.class)
                .single();
    }

    List<Subscription> list() {
        return jdbc.sql("select " + COLUMNS + " from webhooks.subscription order by lower(name)")
                .query(SubscriptionQueries::subscription)
                .list();
    }

    Optional<Subscription> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhooks.subscription where id = :id")
                .param("id", id)
                .query(SubscriptionQueries::subscription)
                .optional();
    }

    void update(UUID id, String name, String url, List<String> types, @Nullable UUID teamId) {
        jdbc.sql("""
                        update webhooks.subscription
                           set name = :name, url = :url, event_types = string_to_array(:types, ','), team_id = :team
                         where id = :id
                        """)
                .param("id", id)
                .param("name", name)
                .param("url", url)
                .param("types", String.join(",", types))
                .param("team", teamId)
                .update();
    }

    /** Enabled again by an admin: counted afresh. */
    void enable(UUID id) {
        jdbc.sql("""
                        update webhooks.subscription
                           set enabled = true, failures = 0, failing_since = null, disabled_at = null,
                               disabled_reason = null
                         where id = :id
                        """).param("id", id).update();
    }

    /** Answers whether this call disabled it (it was enabled before). */
    boolean disable(UUID id, String reason, Instant now) {
        return jdbc.sql("""
                        update webhooks.subscription
                           set enabled = false, disabled_at = :now, disabled_reason = :reason
                         where id = :id and enabled
                        """)
                        .param("id", id)
                        .param("reason", reason)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from webhooks.subscription where id = :id")
                        .param("id", id)
                        .update()
                > 0;
    }

    List<Matching> enabled() {
        return jdbc.sql("select id, event_types, team_id from webhooks.subscription where enabled")
                .query((rs, n) -> new Matching(
                        rs.getObject("id", UUID.class),
                        texts(rs.getArray("event_types")),
                        rs.getObject("team_id", UUID.class)))
                .list();
    }

    Optional<Target> target(UUID id) {
        return jdbc.sql("select id, url, secret from webhooks.subscription where id = :id")
                .param("id", id)
                .query((rs, n) ->
                        new Target(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("secret")))
                .optional();
    }

    /** A delivery of each of these succeeded: their runs of failures end. */
    void succeeded(List<UUID> ids) {
        jdbc.sql("""
                        update webhooks.subscription set failures = 0, failing_since = null
                         where id = any(:ids) and failures > 0
                        """).param("ids", ids.toArray(UUID[]::new)).update();
    }

    Optional<Failing> failed(UUID id, Instant now) {
        return jdbc.sql("""
                        update webhooks.subscription
                           set failures = failures + 1, failing_since = coalesce(failing_since, :now)
                         where id = :id
                        returning failures, failing_since, enabled
                        """)
                .param("id", id)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Failing(
                        rs.getInt("failures"), rs.getTimestamp("failing_since").toInstant(), rs.getBoolean("enabled")))
                .optional();
    }

    private static Subscription subscription(ResultSet rs, int row) throws SQLException {
        return new Subscription(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("url"),
                texts(rs.getArray("event_types")),
                rs.getObject("team_id", UUID.class),
                rs.getBoolean("enabled"),
                rs.getInt("failures"),
                instant(rs.getTimestamp("failing_since")),
                instant(rs.getTimestamp("disabled_at")),
                rs.getString("disabled_reason"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
