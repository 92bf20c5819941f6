package dev.casekeeper.customers;

import dev.casekeeper.shared.Erasing;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for erasure requests and for anonymising a customer's rows; see {@code customers/V3__self_service.sql}. */
@Repository
class ErasureQueries {

    /** The text an erased customer's name and values become. */
    static final String ERASED = "(erased)";

    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ErasureQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Adds a pending request unless one is pending; the pending one either way. */
    ErasureRequest insertOrFindPending(UUID customerId, Instant now) {
        jdbc.sql("""
                        insert into customers.erasure_request (id, customer_id, requested_at, state)
                        values (:id, :customer, :now, 'pending')
                        on conflict (customer_id) where state = 'pending' do nothing
                        """)
                .param("id", UUID.randomUUID())
                .param("customer", customerId)
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("select * from customers.erasure_request where customer_id = :customer and state = 'pending'")
                .param("customer", customerId)
                .query(this::request)
                .single();
    }

    Optional<ErasureRequest> find(UUID id, boolean lock) {
        return jdbc.sql("select * from customers.erasure_request where id = :id" + (lock ? " for update" : ""))
                .param("id", id)
                .query(this::request)
                .optional();
    }

    List<ErasureRequest> ofCustomer(UUID customerId) {
        return jdbc.sql("""
                        select * from customers.erasure_request where customer_id = :customer
                        order by requested_at desc, id
                        """).param("customer", customerId).query(this::request).list();
    }

    List<ErasureRequest> inState(ErasureRequest.@Nullable State state, int limit) {
        return jdbc.sql("""
                        select * from customers.erasure_request where cast(:state as text) is null or state = :state
                        order by case state when 'pending' then 0 else 1 end, requested_at, id
                        limit :limit
                        """)
                .param("state", state == null ? null : state.value())
                .param("limit", limit)
                .query(this::request)
                .list();
    }

    void review(
            UUID id,
            ErasureRequest.State state,
            UUID reviewer,
            @Nullable String note,
            Map<String, Integer> outcome,
            Instant now) {
        jdbc.sql("""
                        update customers.erasure_request
                        set state = :state, reviewed_by = :reviewer, reviewed_at = :now, review_note = :note,
                            outcome = cast(:outcome as jsonb)
                        where id = :id
                        """)
                .param("id", id)
                .param("state", state.value())
                .param("reviewer", reviewer)
                .param("note", note)
                .param("outcome", json.writeValueAsString(outcome))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Blanks the personal data of these records; how many of what went, by kind. */
    Map<String, Integer> anonymise(List<UUID> records, Instant now) {
        return Erasing.answering(jdbc, () -> {
            int identities = jdbc.sql("delete from customers.identity where customer_id in (:ids)")
                    .param("ids", records)
                    .update();
            int fields = jdbc.sql("delete from customers.declared_field where customer_id in (:ids)")
                    .param("ids", records)
                    .update();
            int suggestions = jdbc.sql("delete from customers.suggestion where customer_id in (:ids)")
                    .param("ids", records)
                    .update();
            int history =
                    jdbc.sql("""
                            update customers.history
                            set before = case when before is null then null else :erased end,
                                after = case when after is null then null else :erased end
                            where customer_id in (:ids) and (before is not null or after is not null)
                            """).param("ids", records).param("erased", ERASED).update();
            jdbc.sql("""
                            update customers.customer
                            set display_name = :erased, custom_fields = '{}', erased_at = :now, updated_at = :now
                            where id in (:ids)
                            """)
                    .param("ids", records)
                    .param("erased", ERASED)
                    .param("now", Timestamp.from(now))
                    .update();
            return Map.of(
                    "records", records.size(),
                    "identities", identities,
                    "fields", fields,
                    "suggestions", suggestions,
                    "historyEntries", history);
        });
    }

    private ErasureRequest request(ResultSet rs, int n) throws SQLException {
        var reviewed = rs.getTimestamp("reviewed_at");
        String outcome = rs.getString("outcome");
        return new ErasureRequest(
                rs.getObject("id", UUID.class),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                rs.getTimestamp("requested_at").toInstant(),
                ErasureRequest.State.from(rs.getString("state")),
                rs.getObject("reviewed_by", UUID.class),
                reviewed == null ? null : reviewed.toInstant(),
                rs.getString("review_note"),
                outcome == null ? Map.of() : json.readValue(outcome, COUNTS));
    }
}
