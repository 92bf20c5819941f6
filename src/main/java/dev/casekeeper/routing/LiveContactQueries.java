package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for what happens on a live contact: holds, participants, invitations, transfers. Changes run under the contact's row lock. */
@Repository
class LiveContactQueries {

    private static final String HOLD = """
            select h.*, c.team_id from routing.hold h join routing.contact c on c.id = h.contact_id
            """;

    private final JdbcClient jdbc;

    LiveContactQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void startHold(UUID id, ContactRow contact, UUID agentId, Instant now, Duration limit) {
        jdbc.sql("""
                        insert into routing.hold (id, contact_id, case_id, agent_id, started_at, limit_s)
                        values (:id, :contact, :case, :agent, :now, :limit)
                        """)
                .param("id", id)
                .param("contact", contact.id())
                .param("case", contact.caseId())
                .param("agent", agentId)
                .param("now", Timestamp.from(now))
                .param("limit", Math.max(1, limit.toSeconds()))
                .update();
        jdbc.sql("update routing.contact set held_since = :now, hold_count = hold_count + 1 where id = :id")
                .param("id", contact.id())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Ends the contact's open hold, if any, and adds its time to the contact's total. */
    Optional<Hold> endHold(UUID contactId, Instant now) {
        var open = openHold(contactId);
        open.ifPresent(hold -> {
            jdbc.sql("update routing.hold set ended_at = :now where contact_id = :contact and ended_at is null")
                    .param("contact", contactId)
                    .param("now", Timestamp.from(now))
                    .update();
            jdbc.sql("update routing.contact set held_since = null, held_ms = held_ms + :ms where id = :id")
                    .param("id", contactId)
                    .param("ms", Math.max(0, Duration.between(hold.since(), now).toMillis()))
                    .update();
        });
        return open;
    }

    Optional<Hold> openHold(UUID contactId) {
        return jdbc.sql(HOLD + " where h.contact_id = :contact and h.ended_at is null")
                .param("contact", contactId)
                .query(LiveContactQueries::hold)
                .optional();
    }

    Optional<Hold> hold(UUID holdId) {
        return jdbc.sql(HOLD + " where h.id = :id and h.ended_at is null")
                .param("id", holdId)
                .query(LiveContactQueries::hold)
                .optional();
    }

    /** Marks the limit reached; false when it already was (a timer run twice prompts once). */
    boolean limitReached(UUID holdId, Instant now) {
        return jdbc.sql(
                                "update routing.hold set limit_reached_at = :now where id = :id and ended_at is null and limit_reached_at is null")
                        .param("id", holdId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Every hold open now, oldest first; of one agent when given. */
    List<Hold> openHolds(@Nullable UUID agentId) {
        return jdbc.sql(
                        HOLD
                                + " where h.ended_at is null and (cast(:agent as uuid) is null or h.agent_id = cast(:agent as uuid)) order by h.started_at")
                .param("agent", agentId)
                .query(LiveContactQueries::hold)
                .list();
    }

    record Totals(int holdCount, long heldMs, int transfers) {}

    Totals totals(UUID contactId) {
        return jdbc.sql("select hold_count, held_ms, transfers from routing.contact where id = :id")
                .param("id", contactId)
                .query((rs, n) -> new Totals(rs.getInt(1), rs.getLong(2), rs.getInt(3)))
                .single();
    }

    /** How many times the case's live contacts were transferred, cold or warm. */
    int transfersOfCase(UUID caseId) {
        return jdbc.sql("select count(*) from routing.transfer where case_id = :case")
                .param("case", caseId)
                .query(Integer.class)
                .single();
    }

    boolean join(UUID contactId, UUID agentId, String role, Instant now) {
        return jdbc.sql("""
                        insert into routing.participant (contact_id, agent_id, role, joined_at) values (:contact, :agent, :role, :now)
                        on conflict (contact_id, agent_id) where left_at is null do nothing
                        """)
                        .param("contact", contactId)
                        .param("agent", agentId)
                        .param("role", role)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean leave(UUID contactId, UUID agentId, Instant now) {
        return jdbc.sql(
                                "update routing.participant set left_at = :now where contact_id = :contact and agent_id = :agent and left_at is null")
                        .param("contact", contactId)
                        .param("agent", agentId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Agents on the contact besides its agent, who joined first first. */
    List<Participant> participants(UUID contactId) {
        return jdbc.sql(
                        "select agent_id, role, joined_at from routing.participant where contact_id = :contact and left_at is null order by joined_at")
                .param("contact", contactId)
                .query((rs, n) -> new Participant(
                        new AgentId(rs.getObject("agent_id", UUID.class)),
                        rs.getString("role"),
                        rs.getTimestamp("joined_at").toInstant()))
                .list();
    }

    /** Everyone leaves the contact and open invitations are withdrawn: it ended or went to another queue. */
    void clear(UUID contactId, Instant now) {
        jdbc.sql("update routing.participant set left_at = :now where contact_id = :contact and left_at is null")
                .param("contact", contactId)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql(
                        "update routing.invitation set outcome = 'withdrawn', answered_at = :now where contact_id = :contact and outcome is null")
                .param("contact", contactId)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** False when the colleague already has an open invitation to this contact. */
    boolean invite(UUID id, ContactRow contact, UUID from, UUID to, String reason, String summary, Instant now) {
        return jdbc.sql("""
                        insert into routing.invitation (id, contact_id, case_id, from_agent_id, to_agent_id, reason, summary, created_at)
                        values (:id, :contact, :case, :from, :to, :reason, :summary, :now)
                        on conflict (contact_id, to_agent_id) where outcome is null do nothing
                        """)
                        .param("id", id)
                        .param("contact", contact.id())
                        .param("case", contact.caseId())
                        .param("from", from)
                        .param("to", to)
                        .param("reason", reason)
                        .param("summary", summary)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    Optional<Invitation> invitation(UUID id) {
        return jdbc.sql("select * from routing.invitation where id = :id")
                .param("id", id)
                .query(LiveContactQueries::invitation)
                .optional();
    }

    void answer(UUID invitationId, String outcome, Instant now) {
        jdbc.sql(
                        "update routing.invitation set outcome = :outcome, answered_at = :now where id = :id and outcome is null")
                .param("id", invitationId)
                .param("outcome", outcome)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Open invitations to the agent, oldest first. */
    List<Invitation> invitationsTo(UUID agentId) {
        return jdbc.sql(
                        "select * from routing.invitation where to_agent_id = :agent and outcome is null order by created_at")
                .param("agent", agentId)
                .query(LiveContactQueries::invitation)
                .list();
    }

    /** Invitations of the contact still open, or accepted while the colleague is still on it: the last accepted is the warm transfer's. */
    List<Invitation> invitationsOf(UUID contactId) {
        return jdbc.sql(
                        "select * from routing.invitation where contact_id = :contact and (outcome is null or outcome = 'accepted') order by created_at")
                .param("contact", contactId)
                .query(LiveContactQueries::invitation)
                .list();
    }

    void recordTransfer(
            ContactRow contact,
            String kind,
            UUID from,
            @Nullable UUID toTeam,
            @Nullable UUID toAgent,
            String reason,
            String summary,
            Instant now) {
        jdbc.sql("""
                        insert into routing.transfer (id, contact_id, case_id, kind, from_agent_id, to_team_id, to_agent_id, reason, summary, at)
                        values (:id, :contact, :case, :kind, :from, :team, :agent, :reason, :summary, :now)
                        """)
                .param("id", UUID.randomUUID())
                .param("contact", contact.id())
                .param("case", contact.caseId())
                .param("kind", kind)
                .param("from", from)
                .param("team", toTeam)
                .param("agent", toAgent)
                .param("reason", reason)
                .param("summary", summary)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("update routing.contact set transfers = transfers + 1 where id = :id")
                .param("id", contact.id())
                .update();
    }

    /** The contact that goes on from {@code from} (a ticket handed to another desk) counts its transfers. */
    void carryTransfers(UUID from, UUID to) {
        jdbc.sql(
                        "update routing.contact set transfers = (select transfers from routing.contact where id = :from) where id = :to")
                .param("from", from)
                .param("to", to)
                .update();
    }

    /** A cold transfer: the accepted contact waits again, in the other team's queue, keeping its arrival (the customer's wait goes on). */
    void requeue(ContactRow contact, UUID toTeam, Instant now) {
        jdbc.sql("""
                        update routing.contact set state = 'waiting', team_id = :team, agent_id = null, offer_id = null, accepted_at = null,
                            waited_ms = null, queued_at = :now
                        where id = :id
                        """)
                .param("id", contact.id())
                .param("team", toTeam)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The warm transfer completes: the colleague holds the contact now, and it counts on their load. */
    void handTo(UUID contactId, UUID agentId) {
        jdbc.sql("update routing.contact set agent_id = :agent where id = :id")
                .param("id", contactId)
                .param("agent", agentId)
                .update();
    }

    private static Hold hold(ResultSet rs, int n) throws SQLException {
        return new Hold(
                new ContactId(rs.getObject("contact_id", UUID.class)),
                new CaseId(rs.getObject("case_id", UUID.class)),
                new TeamId(rs.getObject("team_id", UUID.class)),
                new AgentId(rs.getObject("agent_id", UUID.class)),
                rs.getTimestamp("started_at").toInstant(),
                Duration.ofSeconds(rs.getInt("limit_s")),
                rs.getTimestamp("limit_reached_at") != null);
    }

    private static Invitation invitation(ResultSet rs, int n) throws SQLException {
        return new Invitation(
                new InvitationId(rs.getObject("id", UUID.class)),
                new ContactId(rs.getObject("contact_id", UUID.class)),
                new CaseId(rs.getObject("case_id", UUID.class)),
                new AgentId(rs.getObject("from_agent_id", UUID.class)),
                new AgentId(rs.getObject("to_agent_id", UUID.class)),
                rs.getString("reason"),
                rs.getString("summary"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("outcome"));
    }
}
