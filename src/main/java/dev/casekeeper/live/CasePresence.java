package dev.casekeeper.live;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has a case open: each open case page says so every few seconds, and when its agent starts or
 * stops writing a reply. Someone arriving, leaving or starting to write is signalled at once to the
 * others on that case, on any node.
 */
@Service
@Transactional
public class CasePresence {

    /** A page that has not said it is open for this long counts as closed. */
    public static final Duration FRESH = Duration.ofSeconds(45);

    private final JdbcClient jdbc;
    private final LiveSignalRelay relay;
    private final Clock clock;

    CasePresence(JdbcClient jdbc, LiveSignalRelay relay, Clock clock) {
        this.jdbc = jdbc;
        this.relay = relay;
        this.clock = clock;
    }

    /** The agent has the case open (and is writing a reply, or not). */
    public void here(CaseId caseId, long number, SignedInAgent agent, boolean drafting) {
        Instant now = clock.instant();
        var before = jdbc.sql("""
                        with previous as (
                            select drafting, seen_at from live.presence where case_id = :case and agent_id = :agent)
                        insert into live.presence (case_id, agent_id, agent_name, drafting, seen_at)
                        values (:case, :agent, :name, :drafting, :now)
                        on conflict (case_id, agent_id)
                            do update set drafting = excluded.drafting, seen_at = excluded.seen_at,
                                          agent_name = excluded.agent_name
                        returning (select drafting from previous) as was_drafting,
                                  (select seen_at from previous) as was_seen
                        """)
                .param("case", caseId.value())
                .param("agent", agent.id().value())
                .param("name", agent.name())
                .param("drafting", drafting)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Object[] {rs.getObject("was_drafting"), rs.getTimestamp("was_seen")})
                .single();
        boolean arrived =
                before[1] == null || ((Timestamp) before[1]).toInstant().isBefore(now.minus(FRESH));
        if (arrived || !Boolean.valueOf(drafting).equals(before[0])) {
            relay.publish(LiveSignal.presence(caseId.value(), number));
        }
        // Rows of pages long closed count for nothing; dropping them keeps the table small.
        jdbc.sql("delete from live.presence where seen_at < :old")
                .param("old", Timestamp.from(now.minus(Duration.ofHours(1))))
                .update();
    }

    /** The agent closed the case page. */
    public void left(CaseId caseId, long number, SignedInAgent agent) {
        int removed = jdbc.sql("delete from live.presence where case_id = :case and agent_id = :agent")
                .param("case", caseId.value())
                .param("agent", agent.id().value())
                .update();
        if (removed > 0) {
            relay.publish(LiveSignal.presence(caseId.value(), number));
        }
    }

    /** The other agents who have the case open now, by name. */
    @Transactional(readOnly = true)
    public List<Viewer> others(CaseId caseId, SignedInAgent agent) {
        return jdbc.sql("""
                        select agent_name, drafting from live.presence
                        where case_id = :case and agent_id <> :agent and seen_at > :fresh
                        order by agent_name
                        """)
                .param("case", caseId.value())
                .param("agent", agent.id().value())
                .param("fresh", Timestamp.from(clock.instant().minus(FRESH)))
                .query((rs, n) -> new Viewer(rs.getString("agent_name"), rs.getBoolean("drafting")))
                .list();
    }
}
