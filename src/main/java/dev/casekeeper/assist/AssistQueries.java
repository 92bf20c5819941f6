package dev.casekeeper.assist;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.shared.Cursor;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for scores, heated cases, supervisor alerts, coaching findings and closings. */
@Repository
class AssistQueries {

    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AssistQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores a message's score; false if it was scored before (a redelivered event). */
    boolean insertScore(UUID entryId, UUID caseId, FrustrationScore score, Instant messageAt, Instant now) {
        return jdbc.sql("""
                        insert into assist.message_score
                            (entry_id, case_id, score, level, supervisor_requested, language, reasons, scored_at, message_at)
                        values (:entry, :case, :score, :level, :supervisor, :language, cast(:reasons as jsonb), :now, :messageAt)
                        on conflict do nothing
                        """)
                        .param("entry", entryId)
                        .param("case", caseId)
                        .param("score", score.score())
                        .param("level", score.level().value())
                        .param("supervisor", score.supervisorRequested())
                        .param("language", score.language())
                        .param("reasons", json.writeValueAsString(score.reasons()))
                        .param("now", Timestamp.from(now))
                        .param("messageAt", Timestamp.from(messageAt))
                        .update()
                == 1;
    }

    List<MessageFrustration> scores(UUID caseId) {
        return jdbc.sql("select * from assist.message_score where case_id = :case order by message_at, entry_id")
                .param("case", caseId)
                .query((rs, n) -> messageFrustration(rs))
                .list();
    }

    /**
     * Flags a case heated; true when it was not heated (never, or cleared since), so the caller
     * raises priority and alerts only once per heated spell, even when messages race.
     */
    boolean flagHeated(UUID caseId, UUID entryId, FrustrationScore score, Instant now) {
        return jdbc.sql("""
                        insert into assist.heated_case (case_id, entry_id, score, supervisor_requested, signals, heated_at)
                        values (:case, :entry, :score, :supervisor, string_to_array(:signals, chr(31)), :now)
                        on conflict (case_id) do update
                            set entry_id = excluded.entry_id, score = excluded.score,
                                supervisor_requested = excluded.supervisor_requested, signals = excluded.signals,
                                heated_at = excluded.heated_at, cleared_at = null, cleared_by = null
                            where assist.heated_case.cleared_at is not null
                        """)
                        .param("case", caseId)
                        .param("entry", entryId)
                        .param("score", score.score())
                        .param("supervisor", score.supervisorRequested())
                        .param("signals", String.join("\u001f", score.signals()))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    Optional<HeatedCase> heated(UUID caseId) {
        return jdbc.sql("select * from assist.heated_case where case_id = :case and cleared_at is null")
                .param("case", caseId)
                .query((rs, n) -> heatedCase(rs))
                .optional();
    }

    List<HeatedCase> heatedCases(int limit) {
        return jdbc.sql(
                        "select * from assist.heated_case where cleared_at is null order by heated_at desc limit :limit")
                .param("limit", limit)
                .query((rs, n) -> heatedCase(rs))
                .list();
    }

    boolean clearHeated(UUID caseId, UUID by, Instant now) {
        return jdbc.sql("""
                        update assist.heated_case set cleared_at = :now, cleared_by = :by
                        where case_id = :case and cleared_at is null
                        """)
                        .param("case", caseId)
                        .param("by", by)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    void insertAlert(UUID supervisorId, UUID caseId, UUID entryId, FrustrationScore score, Instant now) {
        jdbc.sql("""
                        insert into assist.supervisor_alert
                            (id, supervisor_id, case_id, entry_id, score, supervisor_requested, signals, created_at)
                        values (:id, :supervisor, :case, :entry, :score, :requested, string_to_array(:signals, chr(31)), :now)
                        on conflict (entry_id, supervisor_id) do nothing
                        """)
                .param("id", UUID.randomUUID())
                .param("supervisor", supervisorId)
                .param("case", caseId)
                .param("entry", entryId)
                .param("score", score.score())
                .param("requested", score.supervisorRequested())
                .param("signals", String.join("\u001f", score.signals()))
                .param("now", Timestamp.from(now))
                .update();
    }

    List<SupervisorAlert> alerts(UUID supervisorId, boolean withAcknowledged, int limit) {
        return jdbc.sql("select * from assist.supervisor_alert where supervisor_id = :supervisor"
                        + (withAcknowledged ? "" : " and acknowledged_at is null")
                        + " order by created_at desc, id limit :limit")
                .param("supervisor", supervisorId)
                .param("limit", limit)
                .query((rs, n) -> alert(rs))
                .list();
    }

    Optional<SupervisorAlert> acknowledge(UUID alertId, UUID supervisorId, Instant now) {
        jdbc.sql("""
                        update assist.supervisor_alert set acknowledged_at = :now
                        where id = :id and supervisor_id = :supervisor and acknowledged_at is null
                        """)
                .param("id", alertId)
                .param("supervisor", supervisorId)
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("select * from assist.supervisor_alert where id = :id and supervisor_id = :supervisor")
                .param("id", alertId)
                .param("supervisor", supervisorId)
                .query((rs, n) -> alert(rs))
                .optional();
    }

    /** Records that a reply was checked; false if it was checked before. */
    boolean insertReplyCheck(UUID entryId, UUID caseId, UUID agentId, int findings, Instant now) {
        return jdbc.sql("""
                        insert into assist.reply_check (entry_id, case_id, agent_id, finding_count, checked_at)
                        values (:entry, :case, :agent, :count, :now)
                        on conflict do nothing
                        """)
                        .param("entry", entryId)
                        .param("case", caseId)
                        .param("agent", agentId)
                        .param("count", findings)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    void insertFinding(UUID entryId, UUID caseId, UUID agentId, ToneFinding finding, Instant now) {
        jdbc.sql("""
                        insert into assist.reply_finding
                            (entry_id, case_id, agent_id, kind, span_start, span_end, words, message, suggestion, replacement, created_at)
                        values (:entry, :case, :agent, :kind, :start, :end, :words, :message, :suggestion, :replacement, :now)
                        """)
                .param("entry", entryId)
                .param("case", caseId)
                .param("agent", agentId)
                .param("kind", finding.kind())
                .param("start", finding.span().start())
                .param("end", finding.span().end())
                .param("words", finding.span().text())
                .param("message", finding.message())
                .param("suggestion", finding.suggestion())
                .param("replacement", finding.replacement())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** An agent's findings, newest first; the cursor carries the time and id of the last one shown. */
    List<CoachingFinding> findings(UUID agentId, @Nullable Cursor after, int limit) {
        return jdbc.sql("select * from assist.reply_finding where agent_id = :agent"
                        + (after == null ? "" : " and (created_at, id) < (:afterAt, :afterId)")
                        + " order by created_at desc, id desc limit :limit")
                .param("agent", agentId)
                .param("afterAt", after == null ? null : Timestamp.from(after.createdAt()))
                .param("afterId", after == null ? null : after.id().getLeastSignificantBits())
                .param("limit", limit)
                .query((rs, n) -> new CoachingFinding(
                        rs.getLong("id"),
                        rs.getObject("entry_id", UUID.class),
                        new CaseId(rs.getObject("case_id", UUID.class)),
                        new AgentId(rs.getObject("agent_id", UUID.class)),
                        new ToneFinding(
                                rs.getString("kind"),
                                new Span(rs.getInt("span_start"), rs.getInt("span_end"), rs.getString("words")),
                                rs.getString("message"),
                                rs.getString("suggestion"),
                                rs.getString("replacement")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** How many findings of each kind an agent's sent replies had, and how many replies were checked. */
    Map<String, Integer> findingCounts(UUID agentId) {
        var counts = new LinkedHashMap<String, Integer>();
        jdbc.sql(
                        "select kind, count(*) as n from assist.reply_finding where agent_id = :agent group by kind order by kind")
                .param("agent", agentId)
                .query((rs, n) -> counts.put(rs.getString("kind"), rs.getInt("n")))
                .list();
        return counts;
    }

    /** Checked replies and their findings per day of the zone, from the index on agent and time. */
    List<ToneDay> toneByDay(UUID[] agents, java.time.Instant from, java.time.Instant until, String zone) {
        return jdbc.sql("""
                        select (checked_at at time zone :zone)::date as day, count(*) as replies,
                               coalesce(sum(finding_count), 0) as findings
                        from assist.reply_check
                        where agent_id = any(:agents) and checked_at >= :from and checked_at < :until
                        group by 1 order by 1""")
                .param("agents", agents)
                .param("from", java.sql.Timestamp.from(from))
                .param("until", java.sql.Timestamp.from(until))
                .param("zone", zone)
                .query((rs, n) -> new ToneDay(
                        rs.getObject("day", java.time.LocalDate.class), rs.getLong("replies"), rs.getLong("findings")))
                .list();
    }

    int checkedReplies(UUID agentId) {
        return jdbc.sql("select count(*) from assist.reply_check where agent_id = :agent")
                .param("agent", agentId)
                .query(Integer.class)
                .single();
    }

    void insertClosing(Closing closing) {
        jdbc.sql("""
                        insert into assist.closing
                            (id, case_id, agent_id, what_happens, by_when, how_to_check, farewell, message, entry_id, created_at)
                        values (:id, :case, :agent, :what, :when, :how, :farewell, :message, :entry, :at)
                        """)
                .param("id", closing.id())
                .param("case", closing.caseId().value())
                .param("agent", closing.agentId().value())
                .param("what", closing.nextSteps().whatHappens())
                .param("when", closing.nextSteps().byWhen())
                .param("how", closing.nextSteps().howToCheck())
                .param("farewell", closing.farewell())
                .param("message", closing.message())
                .param("entry", closing.entryId())
                .param("at", Timestamp.from(closing.at()))
                .update();
    }

    Optional<Closing> latestClosing(UUID caseId) {
        return jdbc.sql("select * from assist.closing where case_id = :case order by created_at desc limit 1")
                .param("case", caseId)
                .query((rs, n) -> new Closing(
                        rs.getObject("id", UUID.class),
                        new CaseId(rs.getObject("case_id", UUID.class)),
                        new AgentId(rs.getObject("agent_id", UUID.class)),
                        new NextSteps(
                                rs.getString("what_happens"), rs.getString("by_when"), rs.getString("how_to_check")),
                        rs.getString("farewell"),
                        rs.getString("message"),
                        rs.getObject("entry_id", UUID.class),
                        null,
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    private MessageFrustration messageFrustration(ResultSet rs) throws SQLException {
        var score = new FrustrationScore(
                rs.getInt("score"),
                FrustrationLevel.valueOf(rs.getString("level").toUpperCase(java.util.Locale.ROOT)),
                rs.getBoolean("supervisor_requested"),
                rs.getString("language"),
                json.readValue(rs.getString("reasons"), REASONS));
        return new MessageFrustration(
                rs.getObject("entry_id", UUID.class),
                rs.getTimestamp("message_at").toInstant(),
                score);
    }

    private static HeatedCase heatedCase(ResultSet rs) throws SQLException {
        return new HeatedCase(
                new CaseId(rs.getObject("case_id", UUID.class)),
                rs.getObject("entry_id", UUID.class),
                rs.getInt("score"),
                rs.getBoolean("supervisor_requested"),
                strings(rs.getArray("signals")),
                rs.getTimestamp("heated_at").toInstant());
    }

    private static SupervisorAlert alert(ResultSet rs) throws SQLException {
        Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
        return new SupervisorAlert(
                rs.getObject("id", UUID.class),
                new AgentId(rs.getObject("supervisor_id", UUID.class)),
                new CaseId(rs.getObject("case_id", UUID.class)),
                rs.getObject("entry_id", UUID.class),
                rs.getInt("score"),
                rs.getBoolean("supervisor_requested"),
                strings(rs.getArray("signals")),
                rs.getTimestamp("created_at").toInstant(),
                acknowledged == null ? null : acknowledged.toInstant());
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray())
                .map(String.class::cast)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
