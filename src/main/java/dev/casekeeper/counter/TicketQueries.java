package dev.casekeeper.counter;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.customers.CustomerId;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for tickets and their numbers. A ticket changes under its row lock. */
@Repository
class TicketQueries {

    private final JdbcClient jdbc;

    TicketQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the location, day and code: drawn under the counter row's lock, so never given twice. */
    int nextNumber(UUID location, LocalDate day, String code) {
        return jdbc.sql("""
                        insert into counter.number_seq (location_id, day, code, last) values (:location, :day, :code, 1)
                        on conflict (location_id, day, code) do update set last = counter.number_seq.last + 1
                        returning last
                        """)
                .param("location", location)
                .param("day", Date.valueOf(day))
                .param("code", code)
                .query(Integer.class)
                .single();
    }

    record NewTicket(
            UUID id,
            UUID location,
            UUID reason,
            LocalDate day,
            String number,
            String firstName,
            @Nullable String email,
            @Nullable String phone,
            UUID customer,
            UUID caseId,
            long caseNumber,
            UUID contact,
            Instant now) {}

    void insert(NewTicket t) {
        jdbc.sql("""
                        insert into counter.ticket (id, location_id, reason_id, day, number, first_name, email, phone, customer_id,
                            case_id, case_number, contact_id, state, taken_at)
                        values (:id, :location, :reason, :day, :number, :first, :email, :phone, :customer, :case, :caseNumber,
                            :contact, 'waiting', :now)
                        """)
                .param("id", t.id())
                .param("location", t.location())
                .param("reason", t.reason())
                .param("day", Date.valueOf(t.day()))
                .param("number", t.number())
                .param("first", t.firstName())
                .param("email", t.email())
                .param("phone", t.phone())
                .param("customer", t.customer())
                .param("case", t.caseId())
                .param("caseNumber", t.caseNumber())
                .param("contact", t.contact())
                .param("now", Timestamp.from(t.now()))
                .update();
    }

    Optional<Ticket> find(UUID id) {
        return jdbc.sql("select * from counter.ticket where id = :id")
                .param("id", id)
                .query(TicketQueries::ticket)
                .optional();
    }

    Optional<Ticket> lock(UUID id) {
        return jdbc.sql("select * from counter.ticket where id = :id for update")
                .param("id", id)
                .query(TicketQueries::ticket)
                .optional();
    }

    /** The contact of the ticket now (a transfer to a desk queues a new one). */
    UUID contactOf(UUID ticket) {
        return jdbc.sql("select contact_id from counter.ticket where id = :id")
                .param("id", ticket)
                .query(UUID.class)
                .single();
    }

    /** The location's tickets waiting, called or being served, oldest first. */
    List<Ticket> live(UUID location) {
        return jdbc.sql("""
                        select * from counter.ticket where location_id = :location and state in ('waiting', 'called', 'serving')
                        order by taken_at, id
                        """)
                .param("location", location)
                .query(TicketQueries::ticket)
                .list();
    }

    /** The waiting tickets' contacts of the location that any desk may call (none kept for one desk). */
    List<UUID> callableContacts(UUID location) {
        return jdbc.sql("""
                        select contact_id from counter.ticket
                        where location_id = :location and state = 'waiting' and for_desk is null
                        """).param("location", location).query(UUID.class).list();
    }

    /** The waiting tickets' contacts kept for this desk. */
    List<UUID> contactsForDesk(UUID location, String desk) {
        return jdbc.sql("""
                        select contact_id from counter.ticket
                        where location_id = :location and state = 'waiting' and for_desk = :desk
                        """)
                .param("location", location)
                .param("desk", desk)
                .query(UUID.class)
                .list();
    }

    /** The ticket of the contact, locked. */
    Optional<Ticket> lockByContact(UUID contact) {
        return jdbc.sql("select * from counter.ticket where contact_id = :contact for update")
                .param("contact", contact)
                .query(TicketQueries::ticket)
                .optional();
    }

    /** The ticket the agent has called or serves now. */
    Optional<Ticket> currentOf(UUID agent) {
        return jdbc.sql("select * from counter.ticket where agent_id = :agent and state in ('called', 'serving')")
                .param("agent", agent)
                .query(TicketQueries::ticket)
                .optional();
    }

    void called(UUID id, UUID agent, String desk, Instant now) {
        jdbc.sql("""
                        update counter.ticket set state = 'called', agent_id = :agent, desk = :desk, for_desk = null, called_at = :now
                        where id = :id
                        """)
                .param("id", id)
                .param("agent", agent)
                .param("desk", desk)
                .param("now", Timestamp.from(now))
                .update();
    }

    void serving(UUID id, Instant now) {
        jdbc.sql("update counter.ticket set state = 'serving', served_at = :now where id = :id")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .update();
    }

    void over(UUID id, TicketState state, Instant now) {
        jdbc.sql("update counter.ticket set state = :state, ended_at = :now where id = :id")
                .param("id", id)
                .param("state", state.value())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The ticket waits again, for any desk serving its team or for one desk, under its contact now. */
    void waitAgain(UUID id, @Nullable String forDesk, UUID contact) {
        jdbc.sql("""
                        update counter.ticket set state = 'waiting', agent_id = null, desk = null, called_at = null,
                            served_at = null, for_desk = :forDesk, contact_id = :contact
                        where id = :id
                        """)
                .param("id", id)
                .param("forDesk", forDesk)
                .param("contact", contact)
                .update();
    }

    static Ticket ticket(ResultSet rs, int n) throws SQLException {
        var agent = rs.getObject("agent_id", UUID.class);
        return new Ticket(
                new TicketId(rs.getObject("id", UUID.class)),
                new LocationId(rs.getObject("location_id", UUID.class)),
                new ReasonId(rs.getObject("reason_id", UUID.class)),
                rs.getString("number"),
                rs.getString("first_name"),
                rs.getString("email"),
                rs.getString("phone"),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                new CaseId(rs.getObject("case_id", UUID.class)),
                rs.getLong("case_number"),
                TicketState.from(rs.getString("state")),
                rs.getString("for_desk"),
                rs.getString("desk"),
                agent == null ? null : new AgentId(agent),
                rs.getTimestamp("taken_at").toInstant(),
                instant(rs, "called_at"),
                instant(rs, "served_at"),
                instant(rs, "ended_at"),
                null,
                null);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
