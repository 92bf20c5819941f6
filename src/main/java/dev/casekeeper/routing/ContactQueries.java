package dev.casekeeper.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for contacts and their offers. Every change of a contact happens under its row lock. */
@Repository
class ContactQueries {

    /** The first waiting contacts of one team, read in serving order straight from the partial index {@code contact_queue}. */
    static final String WAITING_IN_TEAM = """
            select * from routing.contact
            where state = 'waiting' and team_id = cast(:team as uuid) and channel <> 'counter'
            order by priority desc, arrived_at, id
            limit :limit
            for update skip locked
            """;

    /** The same over several teams (an agent's, the sweep's): found by {@code contact_queue}, then sorted. */
    static final String WAITING = """
            select * from routing.contact
            where state = 'waiting' and team_id = any(cast(string_to_array(:teams, ',') as uuid[])) and channel <> 'counter'
            order by priority desc, arrived_at, id
            limit :limit
            for update skip locked
            """;

    private final JdbcClient jdbc;

    ContactQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the case already has a live contact (the unique index decides, also across nodes). */
    boolean insert(
            UUID id,
            UUID caseId,
            RoutedChannel channel,
            UUID teamId,
            List<String> skills,
            int priority,
            @Nullable String callbackEmail,
            @Nullable String callbackPhone,
            Instant now) {
        return jdbc.sql("""
                        insert into routing.contact (id, case_id, channel, team_id, required_skills, priority, arrived_at, queued_at,
                            state, callback_email, callback_phone)
                        values (:id, :case, :channel, :team, string_to_array(:skills, ','), :priority, :now, :now, 'waiting', :email, :phone)
                        on conflict (case_id) where state in ('waiting', 'offered', 'accepted') do nothing
                        """)
                        .param("id", id)
                        .param("case", caseId)
                        .param("channel", channel.value())
                        .param("team", teamId)
                        .param("skills", String.join(",", skills))
                        .param("priority", priority)
                        .param("email", callbackEmail)
                        .param("phone", callbackPhone)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** The case's contact that is still waiting, offered or accepted. */
    Optional<ContactRow> liveOfCase(UUID caseId) {
        return jdbc.sql(
                        "select * from routing.contact where case_id = :case and state in ('waiting', 'offered', 'accepted')")
                .param("case", caseId)
                .query(ContactQueries::row)
                .optional();
    }

    Optional<ContactRow> find(UUID id) {
        return jdbc.sql("select * from routing.contact where id = :id")
                .param("id", id)
                .query(ContactQueries::row)
                .optional();
    }

    Optional<ContactRow> lock(UUID id) {
        return jdbc.sql("select * from routing.contact where id = :id for update")
                .param("id", id)
                .query(ContactQueries::row)
                .optional();
    }

    /** Locks the contact an offer was made for, whatever became of the offer since. */
    Optional<ContactRow> lockByOffer(UUID offerId) {
        return jdbc.sql("""
                        select c.* from routing.contact c
                        where c.id = (select o.contact_id from routing.offer o where o.id = :offer)
                        for update
                        """).param("offer", offerId).query(ContactQueries::row).optional();
    }

    /**
     * The first waiting contacts of the teams in the order they are served (highest priority, then
     * longest waiting), locked; contacts another transaction holds are skipped, not waited for.
     * Counter tickets are left out: agents at a desk take them ({@link TakenContacts}).
     */
    List<ContactRow> lockWaiting(Collection<UUID> teams, int limit) {
        if (teams.size() == 1) {
            return jdbc.sql(WAITING_IN_TEAM)
                    .param("team", teams.iterator().next())
                    .param("limit", limit)
                    .query(ContactQueries::row)
                    .list();
        }
        return jdbc.sql(WAITING)
                .param("teams", ids(teams))
                .param("limit", limit)
                .query(ContactQueries::row)
                .list();
    }

    /**
     * The first of the given waiting contacts the agent may take (one of their teams, every required
     * skill), in serving order, locked; contacts another transaction holds are skipped.
     */
    Optional<ContactRow> lockNextFor(UUID agentId, Collection<UUID> teams, Collection<UUID> among) {
        if (among.isEmpty() || teams.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select c.* from routing.contact c
                        where c.id = any(cast(string_to_array(:ids, ',') as uuid[])) and c.state = 'waiting'
                          and c.team_id = any(cast(string_to_array(:teams, ',') as uuid[]))
                          and coalesce((select s.skills from routing.agent_state s where s.agent_id = :agent), '{}')
                              @> c.required_skills
                        order by c.priority desc, c.arrived_at, c.id
                        limit 1
                        for update skip locked
                        """)
                .param("agent", agentId)
                .param("teams", ids(teams))
                .param("ids", ids(among))
                .query(ContactQueries::row)
                .optional();
    }

    /** Contacts offered to the agent, locked. */
    List<ContactRow> lockOfferedTo(UUID agentId) {
        return jdbc.sql(
                        "select * from routing.contact where agent_id = :agent and state = 'offered' order by id for update")
                .param("agent", agentId)
                .query(ContactQueries::row)
                .list();
    }

    /** Contacts offered to or accepted by the agent, oldest first, with the offer's expiry. */
    List<Queued> ofAgent(UUID agentId) {
        return jdbc.sql("""
                        select c.*, o.expires_at as offer_expires_at from routing.contact c join routing.offer o on o.id = c.offer_id
                        where c.agent_id = :agent and c.state in ('offered', 'accepted')
                        order by c.arrived_at, c.id
                        """)
                .param("agent", agentId)
                .query((rs, n) -> new Queued(row(rs, n), instant(rs, "offer_expires_at"), null))
                .list();
    }

    /** Teams with contacts waiting now. */
    List<UUID> teamsWithWaiting() {
        return jdbc.sql("select distinct team_id from routing.contact where state = 'waiting'")
                .query(UUID.class)
                .list();
    }

    /** Waiting contacts that have been in their team's queue longer than the team's overflow wait. */
    List<UUID> dueForOverflow(Instant now) {
        return jdbc.sql("""
                        select c.id from routing.contact c join routing.team_settings t on t.team_id = c.team_id
                        where c.state = 'waiting' and t.overflow_team_id is not null
                          and c.queued_at <= cast(:now as timestamptz) - make_interval(secs => t.overflow_after_s)
                        """).param("now", Timestamp.from(now)).query(UUID.class).list();
    }

    /** Records a new offer and marks the contact offered; the offer's place in time comes from the sequence. */
    void offer(UUID offerId, ContactRow contact, UUID agentId, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        insert into routing.offer (id, contact_id, agent_id, channel, seq, offered_at, expires_at)
                        values (:id, :contact, :agent, :channel, nextval('routing.offer_seq'), :now, :expires)
                        """)
                .param("id", offerId)
                .param("contact", contact.id())
                .param("agent", agentId)
                .param("channel", contact.channel().value())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .update();
        jdbc.sql("update routing.contact set state = 'offered', agent_id = :agent, offer_id = :offer where id = :id")
                .param("id", contact.id())
                .param("agent", agentId)
                .param("offer", offerId)
                .update();
    }

    /** An offer as stored: to whom, until when, and what became of it (null while open). */
    record OfferRow(
            UUID id,
            UUID contactId,
            UUID agentId,
            Instant expiresAt,
            @Nullable String outcome) {}

    Optional<OfferRow> offer(UUID offerId) {
        return jdbc.sql("select id, contact_id, agent_id, expires_at, outcome from routing.offer where id = :id")
                .param("id", offerId)
                .query((rs, n) -> new OfferRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("contact_id", UUID.class),
                        rs.getObject("agent_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getString("outcome")))
                .optional();
    }

    /** Answers the offer; any outcome but acceptance frees the agent's slot at once. */
    void answerOffer(UUID offerId, String outcome, Instant now) {
        jdbc.sql("""
                        update routing.offer set outcome = :outcome, answered_at = :now,
                            released_seq = case when :outcome = 'accepted' then null else nextval('routing.offer_seq') end,
                            released_at = case when :outcome = 'accepted' then null else cast(:now as timestamptz) end
                        where id = :id and outcome is null
                        """)
                .param("id", offerId)
                .param("outcome", outcome)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The accepted contact ended: the slot its offer took is free. */
    void releaseAccepted(UUID offerId, Instant now) {
        jdbc.sql("""
                        update routing.offer set released_seq = nextval('routing.offer_seq'), released_at = :now
                        where id = :id and released_seq is null
                        """).param("id", offerId).param("now", Timestamp.from(now)).update();
    }

    void backToWaiting(UUID contactId) {
        jdbc.sql("update routing.contact set state = 'waiting', agent_id = null, offer_id = null where id = :id")
                .param("id", contactId)
                .update();
    }

    void accepted(UUID contactId, Instant now, long waitedMs) {
        jdbc.sql(
                        "update routing.contact set state = 'accepted', accepted_at = :now, waited_ms = :waited where id = :id")
                .param("id", contactId)
                .param("now", Timestamp.from(now))
                .param("waited", waitedMs)
                .update();
    }

    void ended(UUID contactId, Instant now) {
        jdbc.sql("update routing.contact set state = 'ended', ended_at = :now where id = :id")
                .param("id", contactId)
                .param("now", Timestamp.from(now))
                .update();
    }

    void abandoned(UUID contactId, Instant now, long waitedMs, @Nullable String email, @Nullable String phone) {
        jdbc.sql("""
                        update routing.contact set state = 'abandoned', agent_id = null, offer_id = null, ended_at = :now,
                            waited_ms = :waited, callback_email = coalesce(:email, callback_email),
                            callback_phone = coalesce(:phone, callback_phone)
                        where id = :id
                        """)
                .param("id", contactId)
                .param("now", Timestamp.from(now))
                .param("waited", waitedMs)
                .param("email", email)
                .param("phone", phone)
                .update();
    }

    void overflow(ContactRow contact, UUID toTeam, long waitedMs, Instant now) {
        jdbc.sql("""
                        insert into routing.overflow (contact_id, from_team_id, to_team_id, waited_ms, at)
                        values (:id, :from, :to, :waited, :now)
                        """)
                .param("id", contact.id())
                .param("from", contact.teamId())
                .param("to", toTeam)
                .param("waited", waitedMs)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("update routing.contact set team_id = :to, queued_at = :now, overflowed = true where id = :id")
                .param("id", contact.id())
                .param("to", toTeam)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** One callback task per contact: false when the contact has one already. */
    boolean insertCallback(UUID id, ContactRow contact, @Nullable String email, @Nullable String phone, Instant now) {
        return jdbc.sql("""
                        insert into routing.callback (id, contact_id, case_id, team_id, email, phone, created_at)
                        values (:id, :contact, :case, :team, :email, :phone, :now)
                        on conflict (contact_id) do nothing
                        """)
                        .param("id", id)
                        .param("contact", contact.id())
                        .param("case", contact.caseId())
                        .param("team", contact.teamId())
                        .param("email", email)
                        .param("phone", phone)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** The contact's callback task, if the team has one. */
    Optional<UUID> callbackOf(UUID contactId) {
        return jdbc.sql("select id from routing.callback where contact_id = :c")
                .param("c", contactId)
                .query(UUID.class)
                .optional();
    }

    /** Contacts waiting or offered in the team, in the order they are served, with their offer's expiry. */
    List<Queued> queue(UUID teamId) {
        return jdbc.sql("""
                        select c.*, o.expires_at as offer_expires_at,
                            case when c.state = 'waiting' then row_number() over (
                                partition by c.channel, c.state = 'waiting' order by c.priority desc, c.arrived_at, c.id) end as position
                        from routing.contact c left join routing.offer o on o.id = c.offer_id
                        where c.team_id = :team and c.state in ('waiting', 'offered')
                        order by c.state = 'waiting', c.priority desc, c.arrived_at, c.id
                        """)
                .param("team", teamId)
                .query((rs, n) -> new Queued(
                        row(rs, n),
                        instant(rs, "offer_expires_at"),
                        rs.getObject("position") == null ? null : rs.getInt("position")))
                .list();
    }

    /** A contact of the queue with its offer's expiry (when offered) and its position (when waiting). */
    record Queued(
            ContactRow contact,
            @Nullable Instant offerExpiresAt,
            @Nullable Integer position) {}

    /** How many waiting contacts of the team and channel are served before this one. */
    int ahead(ContactRow contact) {
        return jdbc.sql("""
                        select count(*) from routing.contact c
                        where c.team_id = :team and c.channel = :channel and c.state = 'waiting'
                          and (c.priority > :priority or (c.priority = :priority and (c.arrived_at, c.id) < (:arrived, :id)))
                        """)
                .param("team", contact.teamId())
                .param("channel", contact.channel().value())
                .param("priority", contact.priority())
                .param("arrived", Timestamp.from(contact.arrivedAt()))
                .param("id", contact.id())
                .query(Integer.class)
                .single();
    }

    /** Average handle time (acceptance to end, in ms) over the latest ended contacts of the team and channel. */
    Optional<Double> averageHandleMs(UUID teamId, RoutedChannel channel, int sample) {
        return jdbc.sql("""
                        select avg(extract(epoch from (ended_at - accepted_at)) * 1000) from (
                            select ended_at, accepted_at from routing.contact
                            where team_id = :team and channel = :channel and state = 'ended' and accepted_at is not null
                            order by ended_at desc limit :sample) recent
                        """)
                .param("team", teamId)
                .param("channel", channel.value())
                .param("sample", sample)
                .query((rs, n) -> rs.getObject(1) == null ? null : rs.getDouble(1))
                .optional();
    }

    record Abandoned(
            ContactRow contact,
            @Nullable UUID callbackId,
            @Nullable String email,
            @Nullable String phone) {}

    /** Abandoned contacts, latest first, of the given teams (every team when null). */
    List<Abandoned> abandoned(@Nullable Collection<UUID> teams, Instant since, int limit) {
        return jdbc.sql("""
                        select c.*, b.id as callback_id, b.email as cb_email, b.phone as cb_phone
                        from routing.contact c left join routing.callback b on b.contact_id = c.id
                        where c.state = 'abandoned' and c.ended_at >= :since
                          and (cast(:teams as text) is null or c.team_id = any(cast(string_to_array(:teams, ',') as uuid[])))
                        order by c.ended_at desc, c.id
                        limit :limit
                        """)
                .param("since", Timestamp.from(since))
                .param("teams", teams == null ? null : ids(teams))
                .param("limit", limit)
                .query((rs, n) -> new Abandoned(
                        row(rs, n),
                        rs.getObject("callback_id", UUID.class),
                        rs.getString("cb_email"),
                        rs.getString("cb_phone")))
                .list();
    }

    static ContactRow row(ResultSet rs, int n) throws SQLException {
        return new ContactRow(
                rs.getObject("id", UUID.class),
                rs.getObject("case_id", UUID.class),
                RoutedChannel.from(rs.getString("channel")),
                rs.getObject("team_id", UUID.class),
                List.of((String[]) rs.getArray("required_skills").getArray()),
                rs.getInt("priority"),
                rs.getTimestamp("arrived_at").toInstant(),
                rs.getTimestamp("queued_at").toInstant(),
                ContactState.from(rs.getString("state")),
                rs.getObject("agent_id", UUID.class),
                rs.getObject("offer_id", UUID.class),
                instant(rs, "accepted_at"),
                instant(rs, "ended_at"),
                (Long) rs.getObject("waited_ms"),
                rs.getString("callback_email"),
                rs.getString("callback_phone"),
                rs.getBoolean("overflowed"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static String ids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }
}
