package dev.casekeeper.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for suggested changes; see {@code customers/V3__self_service.sql}. */
@Repository
class SuggestionQueries {

    private final JdbcClient jdbc;

    SuggestionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the field's pending suggestion superseded, then adds the new one. */
    void insert(UUID id, UUID customerId, String field, String value, UUID agentId, Instant now) {
        jdbc.sql("""
                        update customers.suggestion set state = 'superseded', answered_at = :now
                        where customer_id = :customer and field = :field and state = 'pending'
                        """)
                .param("customer", customerId)
                .param("field", field)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                        insert into customers.suggestion (id, customer_id, field, value, suggested_by, suggested_at, state)
                        values (:id, :customer, :field, :value, :agent, :now, 'pending')
                        """)
                .param("id", id)
                .param("customer", customerId)
                .param("field", field)
                .param("value", value)
                .param("agent", agentId)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The customer's suggestions, newest first. */
    List<Suggestion> ofCustomer(UUID customerId, int limit) {
        return jdbc.sql("""
                        select * from customers.suggestion where customer_id = :customer
                        order by suggested_at desc, id limit :limit
                        """)
                .param("customer", customerId)
                .param("limit", limit)
                .query(SuggestionQueries::suggestion)
                .list();
    }

    /** The customer's pending suggestion with this id, locked; never another customer's. */
    Optional<Suggestion> pending(UUID customerId, UUID id) {
        return jdbc.sql("""
                        select * from customers.suggestion
                        where id = :id and customer_id = :customer and state = 'pending'
                        for update
                        """)
                .param("id", id)
                .param("customer", customerId)
                .query(SuggestionQueries::suggestion)
                .optional();
    }

    void answer(UUID id, Suggestion.State state, Instant now) {
        jdbc.sql("update customers.suggestion set state = :state, answered_at = :now where id = :id")
                .param("id", id)
                .param("state", state.value())
                .param("now", Timestamp.from(now))
                .update();
    }

    private static Suggestion suggestion(ResultSet rs, int n) throws SQLException {
        var answered = rs.getTimestamp("answered_at");
        return new Suggestion(
                rs.getObject("id", UUID.class),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                rs.getString("field"),
                rs.getString("value"),
                rs.getObject("suggested_by", UUID.class),
                rs.getTimestamp("suggested_at").toInstant(),
                Suggestion.State.from(rs.getString("state")),
                answered == null ? null : answered.toInstant());
    }
}
