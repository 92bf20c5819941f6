package dev.casekeeper.telephony;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for calls and the events that reported them. */
@Repository
class CallQueries {

    private final JdbcClient jdbc;

    CallQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the event unless its id was seen before for the integration: false then. */
    boolean insertEvent(UUID integrationId, CallEvent event, Instant now) {
        return jdbc.sql("""
                        insert into telephony.event (integration_id, event_id, call_id, type, occurred_at, received_at, payload, outcome)
                        values (:integration, :event, :call, :type, :occurred, :now, cast(:payload as jsonb), 'pending')
                        on conflict do nothing
                        """)
                        .param("integration", integrationId)
                        .param("event", event.eventId())
                        .param("call", event.callId())
                        .param("type", event.type().value())
                        .param("occurred", event.occurredAt() == null ? null : Timestamp.from(event.occurredAt()))
                        .param("now", Timestamp.from(now))
                        .param("payload", event.payload())
                        .update()
                == 1;
    }

    void eventOutcome(UUID integrationId, String eventId, String outcome) {
        jdbc.sql(
                        "update telephony.event set outcome = :outcome where integration_id = :integration and event_id = :event")
                .param("integration", integrationId)
                .param("event", eventId)
                .param("outcome", outcome)
                .update();
    }

    /** The stored event's call and type, for answering a replay as the first delivery was answered. */
    Optional<String> eventCall(UUID integrationId, String eventId) {
        return jdbc.sql("select call_id from telephony.event where integration_id = :integration and event_id = :event")
                .param("integration", integrationId)
                .param("event", eventId)
                .query(String.class)
                .optional();
    }

    void insert(CallRow call) {
        jdbc.sql("""
                        insert into telephony.call (id, integration_id, external_id, from_number, to_number, customer_id,
                            case_id, contact_id, state, ringing_at)
                        values (:id, :integration, :external, :from, :to, :customer, :case, :contact, 'ringing', :at)
                        """)
                .param("id", call.id())
                .param("integration", call.integrationId())
                .param("external", call.externalId())
                .param("from", call.fromNumber())
                .param("to", call.toNumber())
                .param("customer", call.customerId())
                .param("case", call.caseId())
                .param("contact", call.contactId())
                .param("at", Timestamp.from(call.ringingAt()))
                .update();
    }

    /**
     * Makes every other event of this call wait until this transaction ends: phone systems send a
     * call's events in parallel, and two rings of one call must not both open a case.
     */
    void serialize(UUID integrationId, String externalId) {
        jdbc.sql(
                        "select pg_advisory_xact_lock(hashtextextended('casekeeper.call:' || :integration || ':' || :external, 0))")
                .param("integration", integrationId.toString())
                .param("external", externalId)
                .query()
                .singleValue();
    }

    /** The call, its row locked: every event of one call is applied one after the other. */
    Optional<CallRow> lock(UUID integrationId, String externalId) {
        return jdbc.sql(
                        "select * from telephony.call where integration_id = :integration and external_id = :external for update")
                .param("integration", integrationId)
                .param("external", externalId)
                .query(CallQueries::row)
                .optional();
    }

    Optional<CallRow> find(UUID integrationId, String externalId) {
        return jdbc.sql("select * from telephony.call where integration_id = :integration and external_id = :external")
                .param("integration", integrationId)
                .param("external", externalId)
                .query(CallQueries::row)
                .optional();
    }

    /** The case's latest call. */
    Optional<CallRow> latestOfCase(UUID caseId) {
        return jdbc.sql("select * from telephony.call where case_id = :case order by ringing_at desc, id limit 1")
                .param("case", caseId)
                .query(CallQueries::row)
                .optional();
    }

    Optional<CallRow> lockById(UUID id) {
        return jdbc.sql("select * from telephony.call where id = :id for update")
                .param("id", id)
                .query(CallQueries::row)
                .optional();
    }

    void answered(UUID id, Instant at) {
        jdbc.sql(
                        "update telephony.call set state = 'answered', answered_at = coalesce(answered_at, :at) where id = :id and state = 'ringing'")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** An agent took the call's contact (in Casekeeper's offer card, before the phone system said so). */
    void answeredByContact(UUID contactId, Instant at) {
        jdbc.sql(
                        "update telephony.call set state = 'answered', answered_at = :at where contact_id = :contact and state = 'ringing'")
                .param("contact", contactId)
                .param("at", Timestamp.from(at))
                .update();
    }

    void ended(
            UUID id,
            Instant at,
            @Nullable Integer duration,
            @Nullable Integer hold,
            @Nullable String recordingUrl,
            @Nullable String hungUpBy) {
        jdbc.sql("""
                        update telephony.call set state = 'ended', ended_at = :at, duration_s = :duration, hold_s = :hold,
                            recording_url = :recording, hung_up_by = :hungUpBy
                        where id = :id
                        """)
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("duration", duration)
                .param("hold", hold)
                .param("recording", recordingUrl)
                .param("hungUpBy", hungUpBy)
                .update();
    }

    void wrappedUp(UUID id, String disposition, String notes, Instant at) {
        jdbc.sql(
                        "update telephony.call set disposition = :disposition, wrap_up_notes = :notes, wrapped_up_at = :at where id = :id")
                .param("id", id)
                .param("disposition", disposition)
                .param("notes", notes)
                .param("at", Timestamp.from(at))
                .update();
    }

    private static CallRow row(ResultSet rs, int n) throws SQLException {
        return new CallRow(
                rs.getObject("id", UUID.class),
                rs.getObject("integration_id", UUID.class),
                rs.getString("external_id"),
                rs.getString("from_number"),
                rs.getString("to_number"),
                rs.getObject("customer_id", UUID.class),
                rs.getObject("case_id", UUID.class),
                rs.getObject("contact_id", UUID.class),
                rs.getString("state"),
                rs.getTimestamp("ringing_at").toInstant(),
                instant(rs, "answered_at"),
                instant(rs, "ended_at"),
                (Integer) rs.getObject("duration_s"),
                (Integer) rs.getObject("hold_s"),
                rs.getString("recording_url"),
                rs.getString("hung_up_by"),
                rs.getString("disposition"),
                rs.getString("wrap_up_notes"),
                instant(rs, "wrapped_up_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
