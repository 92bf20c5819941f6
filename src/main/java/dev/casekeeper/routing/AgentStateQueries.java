package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for agents' routing state: presence, capacities, skills, served teams, and the load on each channel. */
@Repository
class AgentStateQueries {

    private static final String LOADS = """
            (select count(*) from routing.contact c where c.agent_id = s.agent_id and c.channel = 'chat'
                and c.state in ('offered', 'accepted')) as chat_load,
            (select count(*) from routing.contact c where c.agent_id = s.agent_id and c.channel = 'email'
                and c.state in ('offered', 'accepted')) as email_load
            """;

    private final JdbcClient jdbc;
    private final RoutingSettings settings;

    AgentStateQueries(JdbcClient jdbc, RoutingSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Creates the agent's row (away, default capacities, no skills) unless it exists. */
    void ensure(UUID agentId, Collection<TeamId> teams, Instant now) {
        jdbc.sql("""
                        insert into routing.agent_state (agent_id, presence, presence_since, idle_since, team_ids, updated_at)
                        values (:agent, 'away', :now, :now, cast(string_to_array(:teams, ',') as uuid[]), :now)
                        on conflict do nothing
                        """)
                .param("agent", agentId)
                .param("now", Timestamp.from(now))
                .param("teams", teams(teams))
                .update();
    }

    /** Locks the agent's row and answers their presence: every offer to the agent is made under this lock. */
    Optional<Presence> lock(UUID agentId) {
        return jdbc.sql("select presence from routing.agent_state where agent_id = :agent for update")
                .param("agent", agentId)
                .query((rs, n) -> Presence.from(rs.getString(1)))
                .optional();
    }

    /** Locks the agent's row unless another transaction holds it. */
    Optional<Presence> lockIfFree(UUID agentId) {
        return jdbc.sql("select presence from routing.agent_state where agent_id = :agent for update skip locked")
                .param("agent", agentId)
                .query((rs, n) -> Presence.from(rs.getString(1)))
                .optional();
    }

    /** The agent's capacity on the channel, the configured default unless set for them. */
    int capacity(UUID agentId, RoutedChannel channel) {
        return jdbc.sql("select coalesce(" + capacityColumn(channel)
                        + ", :default) from routing.agent_state where agent_id = :agent")
                .param("agent", agentId)
                .param("default", settings.capacity(channel))
                .query(Integer.class)
                .single();
    }

    /** Contacts offered to or accepted by the agent on the channel. */
    int load(UUID agentId, RoutedChannel channel) {
        return jdbc.sql("""
                        select count(*) from routing.contact
                        where agent_id = :agent and channel = :channel and state in ('offered', 'accepted')
                        """)
                .param("agent", agentId)
                .param("channel", channel.value())
                .query(Integer.class)
                .single();
    }

    /** Sets presence and refreshes the served teams; becoming available starts the agent's idle time. */
    void setPresence(UUID agentId, Presence presence, Collection<TeamId> teams, Instant now) {
        jdbc.sql("""
                        update routing.agent_state set
                            idle_since = case when presence <> 'available' and :presence = 'available' then :now else idle_since end,
                            presence_since = case when presence <> :presence then :now else presence_since end,
                            presence = :presence,
                            team_ids = cast(string_to_array(:teams, ',') as uuid[]),
                            updated_at = :now
                        where agent_id = :agent
                        """)
                .param("agent", agentId)
                .param("presence", presence.value())
                .param("teams", teams(teams))
                .param("now", Timestamp.from(now))
                .update();
    }

    void update(
            UUID agentId,
            List<String> skills,
            @Nullable Integer chatCapacity,
            @Nullable Integer emailCapacity,
            Collection<TeamId> teams,
            Instant now) {
        jdbc.sql("""
                        update routing.agent_state set skills = string_to_array(:skills, ','), chat_capacity = :chat,
                            email_capacity = :email, team_ids = cast(string_to_array(:teams, ',') as uuid[]), updated_at = :now
                        where agent_id = :agent
                        """)
                .param("agent", agentId)
                .param("skills", String.join(",", skills))
                .param("chat", chatCapacity)
                .param("email", emailCapacity)
                .param("teams", teams(teams))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The raw per-agent capacities (null: the default), for a change that keeps one of them. */
    record Stored(
            List<String> skills,
            @Nullable Integer chatCapacity,
            @Nullable Integer emailCapacity) {}

    Stored stored(UUID agentId) {
        return jdbc.sql("select skills, chat_capacity, email_capacity from routing.agent_state where agent_id = :agent")
                .param("agent", agentId)
                .query((rs, n) -> new Stored(
                        strings(rs), (Integer) rs.getObject("chat_capacity"), (Integer) rs.getObject("email_capacity")))
                .single();
    }

    /** Whether the agent serves at a counter desk now. */
    void atCounterDesk(UUID agentId, boolean atDesk, Instant now) {
        jdbc.sql("update routing.agent_state set counter_desk = :desk, updated_at = :now where agent_id = :agent")
                .param("agent", agentId)
                .param("desk", atDesk)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The agent's idle time starts again: they were just offered a contact. */
    void offered(UUID agentId, Instant now) {
        jdbc.sql("update routing.agent_state set idle_since = :now where agent_id = :agent")
                .param("agent", agentId)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Up to {@code limit} available agents of the team with every required skill and a free slot on
     * the channel: agents who were offered this contact before come last, then the longest idle first.
     * Reads without locks; the caller locks the chosen agent and checks again.
     */
    List<UUID> candidates(UUID team, List<String> skills, RoutedChannel channel, UUID contactId, int limit) {
        return jdbc.sql(candidatesSql(channel))
                .param("team", team)
                .param("skills", String.join(",", skills))
                .param("default", settings.capacity(channel))
                .param("channel", channel.value())
                .param("contact", contactId)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** Available agents of a team with the skills and room; by the partial GIN index {@code agent_state_available} and {@code contact_load}. */
    static String candidatesSql(RoutedChannel channel) {
        return """
                select s.agent_id from routing.agent_state s
                where s.presence = 'available'
                  and s.team_ids @> array[cast(:team as uuid)]
                  and s.skills @> string_to_array(:skills, ',')
                  and coalesce(s.%s, :default) > (select count(*) from routing.contact c
                        where c.agent_id = s.agent_id and c.channel = :channel and c.state in ('offered', 'accepted'))
                order by exists (select 1 from routing.offer o where o.contact_id = :contact and o.agent_id = s.agent_id),
                         s.idle_since, s.agent_id
                limit :limit
                """.formatted(capacityColumn(channel));
    }

    Optional<AgentRouting> find(UUID agentId) {
        return jdbc.sql("select s.*, " + LOADS + " from routing.agent_state s where s.agent_id = :agent")
                .param("agent", agentId)
                .query(this::agent)
                .optional();
    }

    /** Every agent serving the team (or every agent routing knows, without a team), longest idle first. */
    List<AgentRouting> list(@Nullable UUID team) {
        return jdbc.sql("select s.*, " + LOADS + """
                         from routing.agent_state s
                        where cast(:team as uuid) is null or s.team_ids @> array[cast(:team as uuid)]
                        order by s.idle_since, s.agent_id
                        """)
                .param("team", team)
                .query(this::agent)
                .list();
    }

    /** Total free-or-used capacity on the channel of the team's available agents: how many contacts it serves at once. */
    int servingCapacity(UUID team, RoutedChannel channel) {
        if (channel == RoutedChannel.COUNTER) {
            // One walk-in at a time per agent at a desk, whatever their presence for the pushed channels.
            return jdbc.sql("""
                            select count(*) from routing.agent_state s
                            where s.counter_desk and s.team_ids @> array[cast(:team as uuid)]
                            """).param("team", team).query(Integer.class).single();
        }
        return jdbc.sql("""
                        select coalesce(sum(coalesce(s.%s, :default)), 0) from routing.agent_state s
                        where s.presence = 'available' and s.team_ids @> array[cast(:team as uuid)]
                        """.formatted(capacityColumn(channel)))
                .param("team", team)
                .param("default", settings.capacity(channel))
                .query(Integer.class)
                .single();
    }

    private AgentRouting agent(ResultSet rs, int row) throws SQLException {
        Integer chat = (Integer) rs.getObject("chat_capacity");
        Integer email = (Integer) rs.getObject("email_capacity");
        UUID[] teams = (UUID[]) rs.getArray("team_ids").getArray();
        return new AgentRouting(
                new AgentId(rs.getObject("agent_id", UUID.class)),
                Presence.from(rs.getString("presence")),
                rs.getTimestamp("presence_since").toInstant(),
                rs.getTimestamp("idle_since").toInstant(),
                chat == null ? settings.chatCapacity() : chat,
                email == null ? settings.emailCapacity() : email,
                rs.getInt("chat_load"),
                rs.getInt("email_load"),
                strings(rs),
                Arrays.stream(teams).map(TeamId::new).toList());
    }

    private static List<String> strings(ResultSet rs) throws SQLException {
        return List.of((String[]) rs.getArray("skills").getArray());
    }

    /** The per-agent capacity column; phone has none, so every agent takes the configured phone capacity. */
    private static String capacityColumn(RoutedChannel channel) {
        return switch (channel) {
            case CHAT -> "chat_capacity";
            case EMAIL -> "email_capacity";
            case PHONE -> "phone_capacity";
            // Agents take counter tickets themselves, one at a time at their desk; nothing offers them.
            case COUNTER -> throw new IllegalArgumentException("Counter tickets are taken at a desk, not offered");
        };
    }

    private static String teams(Collection<TeamId> teams) {
        return teams.stream().map(TeamId::toString).sorted().collect(Collectors.joining(","));
    }
}
