package dev.casekeeper.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeliveryQueries {

    /** A delivery taken for an attempt, with where it goes. */
    record Taken(
            UUID id,
            UUID subscriptionId,
            UUID eventId,
            String eventType,
            String body,
            int attempt,
            Instant createdAt,
            String url,
            String sealedSecret) {}

    private static final String COLUMNS = """
            id, subscription_id, event_id, event_type, state, attempts, created_at, next_attempt_at,
            last_attempt_at, last_status, last_error, last_duration_ms, delivered_at""";

    private final JdbcClient jdbc;

    DeliveryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID subscription, UUID eventId, String type, String body, Instant now) {
        jdbc.sql("""
                        insert into webhooks.delivery
                            (id, subscription_id, event_id, event_type, body, created_at, state, next_attempt_at)
                        values (:id, :subscription, :event, :type, :body, :now, 'pending', :now)
                        """)
                .param("id", id)
                .param("subscription", subscription)
                .param("event", eventId)
                .param("type", type)
                .param("body", body)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Takes up to {@code limit} due deliveries of enabled subscriptions, oldest due first, and moves
     * them to {@code retryIfLost}: another node retries one only if this one died during its attempt.
     * {@code SKIP LOCKED}, so nodes taking at once take different deliveries.
     */
    List<Taken> take(Instant now, Instant retryIfLost, int limit) {
        return jdbc.sql("""
                        with due as (
                            select d.id from webhooks.delivery d
                              join webhooks.subscription s on s.id = d.subscription_id and s.enabled
                             where d.state = 'pending' and d.next_attempt_at <= :now
                             order by d.next_attempt_at
                             limit :limit
                               for update of d skip locked)
                        update webhooks.delivery d
                           set next_attempt_at = :lost, attempts = d.attempts + 1, last_attempt_at = :now
                          from due, webhooks.subscription s
                         where d.id = due.id and s.id = d.subscription_id
                        returning d.id, d.subscription_id, d.event_id, d.event_type, d.body, d.attempts,
                                  d.created_at, s.url, s.secret
                        """)
                .param("now", Timestamp.from(now))
                .param("lost", Timestamp.from(retryIfLost))
                .param("limit", limit)
                .query((rs, n) -> new Taken(
                        rs.getObject("id", UUID.class),
                        rs.getObject("subscription_id", UUID.class),
                        rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"),
                        rs.getString("body"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("url"),
                        rs.getString("secret")))
                .list();
    }

    /**
     * Records an attempt and where it leaves the delivery: delivered, due again at {@code retryAt},
     * or (with neither) failed for good.
     */
    void attempted(
            Taken delivery,
            Instant at,
            @Nullable Integer status,
            int durationMs,
            @Nullable String detail,
            boolean delivered,
            @Nullable Instant retryAt) {
        jdbc.sql("""
                        insert into webhooks.attempt (delivery_id, number, attempted_at, status, duration_ms, detail)
                        values (:id, :number, :at, :status, :ms, :detail)
                        on conflict do nothing
                        """)
                .param("id", delivery.id())
                .param("number", delivery.attempt())
                .param("at", Timestamp.from(at))
                .param("status", status)
                .param("ms", durationMs)
                .param("detail", detail)
                .update();
        jdbc.sql("""
                        update webhooks.delivery
                           set state = :state, next_attempt_at = :retry, last_status = :status,
                               last_error = :error, last_duration_ms = :ms,
                               delivered_at = case when :delivered then :at else delivered_at end
                         where id = :id
                        """)
                .param("id", delivery.id())
                .param("state", delivered ? "delivered" : retryAt != null ? "pending" : "failed")
                .param("retry", retryAt == null ? null : Timestamp.from(retryAt))
                .param("status", status)
                .param("error", delivered ? null : detail)
                .param("ms", durationMs)
                .param("delivered", delivered)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Records answered attempts and marks their deliveries delivered, in one statement for the batch. */
    void delivered(List<DeliveredAttempts.Answered> batch) {
        jdbc.sql("""
                        with answered as (
                            select * from unnest(:ids, :numbers, :ats, :statuses, :ms, :details)
                                       as a(id, number, at_ms, status, ms, detail)),
                        logged as (
                            insert into webhooks.attempt (delivery_id, number, attempted_at, status, duration_ms, detail)
                            select id, number, to_timestamp(at_ms / 1000.0), status, ms, detail from answered
                            on conflict do nothing)
                        update webhooks.delivery d
                           set state = 'delivered', next_attempt_at = null, last_status = a.status,
                               last_error = null, last_duration_ms = a.ms, delivered_at = to_timestamp(a.at_ms / 1000.0)
                          from answered a
                         where d.id = a.id
                        """)
                .param(
                        "ids",
                        batch.stream()
                                .map(DeliveredAttempts.Answered::deliveryId)
                                .toArray(UUID[]::new))
                .param(
                        "numbers",
                        batch.stream().map(DeliveredAttempts.Answered::attempt).toArray(Integer[]::new))
                .param("ats", batch.stream().map(a -> a.at().toEpochMilli()).toArray(Long[]::new))
                .param(
                        "statuses",
                        batch.stream().map(DeliveredAttempts.Answered::status).toArray(Integer[]::new))
                .param(
                        "ms",
                        batch.stream()
                                .map(DeliveredAttempts.Answered::durationMs)
                                .toArray(Integer[]::new))
                .param(
                        "details",
                        batch.stream().map(DeliveredAttempts.Answered::detail).toArray(String[]::new))
                .update();
    }

    /** The newest deliveries of a subscription first, after the given one (keyset). */
    List<Delivery> page(UUID subscription, @Nullable Instant afterCreatedAt, @Nullable UUID afterId, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from webhooks.delivery
                        where subscription_id = :subscription
                          and (cast(:after as timestamptz) is null or (created_at, id) < (:after, :afterId))
                        order by created_at desc, id desc
                        limit :limit
                        """)
                .param("subscription", subscription)
                .param("after", afterCreatedAt == null ? null : Timestamp.from(afterCreatedAt))
                .param("afterId", afterId)
                .param("limit", limit)
                .query((rs, n) -> delivery(rs, null, List.of()))
                .list();
    }

    Optional<Delivery> find(UUID subscription, UUID id) {
        var attempts = jdbc.sql("""
                        select number, attempted_at, status, duration_ms, detail from webhooks.attempt
                         where delivery_id = :id order by number
                        """)
                .param("id", id)
                .query((rs, n) -> new Delivery.Attempt(
                        rs.getInt("number"),
                        rs.getTimestamp("attempted_at").toInstant(),
                        (Integer) rs.getObject("status"),
                        rs.getInt("duration_ms"),
                        rs.getString("detail")))
                .list();
        return jdbc.sql("select " + COLUMNS
                        + ", body from webhooks.delivery where id = :id and subscription_id = :subscription")
                .param("id", id)
                .param("subscription", subscription)
                .query((rs, n) -> delivery(rs, rs.getString("body"), attempts))
                .optional();
    }

    /** Due again now, whatever it became; answers whether there was such a delivery. */
    boolean redeliver(UUID subscription, UUID id, Instant now) {
        return jdbc.sql("""
                        update webhooks.delivery set state = 'pending', next_attempt_at = :now
                         where id = :id and subscription_id = :subscription
                        """)
                        .param("id", id)
                        .param("subscription", subscription)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    /** Every pending delivery of the subscription due now (it was enabled again). */
    int allDueNow(UUID subscription, Instant now) {
        return jdbc.sql("""
                        update webhooks.delivery set next_attempt_at = :now
                         where subscription_id = :subscription and state = 'pending' and next_attempt_at > :now
                        """)
                .param("subscription", subscription)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Deletes up to {@code limit} finished deliveries made before {@code before}; answers how many. */
    int purge(Instant before, int limit) {
        return jdbc.sql("""
                        delete from webhooks.delivery where id in (
                            select id from webhooks.delivery
                             where state <> 'pending' and created_at < :before limit :limit)
                        """)
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .update();
    }

    private static Delivery delivery(ResultSet rs, @Nullable String body, List<Delivery.Attempt> attempts)
            throws SQLException {
        return new Delivery(
                rs.getObject("id", UUID.class),
                rs.getObject("subscription_id", UUID.class),
                rs.getObject("event_id", UUID.class),
                rs.getString("event_type"),
                rs.getString("state"),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("last_attempt_at")),
                (Integer) rs.getObject("last_status"),
                rs.getString("last_error"),
                (Integer) rs.getObject("last_duration_ms"),
                instant(rs.getTimestamp("delivered_at")),
                body,
                attempts);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
