package dev.casekeeper.reports;

import dev.casekeeper.assist.AssistManagement;
import dev.casekeeper.cases.CaseCustomValues;
import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.routing.ContactId;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.routing.QueueManagement;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.sla.OpenTime;
import dev.casekeeper.sla.SlaManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes reporting's facts of a case or a contact, worked out again from scratch each time: a
 * listener that runs twice, or a rebuild over a listener, leaves the same rows.
 */
@Component
@Transactional
class FactWriter {

    private static final Logger log = LoggerFactory.getLogger(FactWriter.class);

    private final JdbcClient jdbc;
    private final CaseLookup cases;
    private final QueueManagement queues;
    private final SlaManagement sla;
    private final AssistManagement assist;
    private final CaseCustomValues customValues;
    private final JsonMapper json;
    private final ReportsSettings settings;
    private final Clock clock;

    FactWriter(
            JdbcClient jdbc,
            CaseLookup cases,
            QueueManagement queues,
            SlaManagement sla,
            AssistManagement assist,
            CaseCustomValues customValues,
            JsonMapper json,
            ReportsSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.queues = queues;
        this.sla = sla;
        this.assist = assist;
        this.customValues = customValues;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    private CaseFacts factsOf(CaseDetail detail) {
        var kase = detail.summary();
        // Only a case responded to or solved has a time to measure: the others need no policy match.
        var open =
                kase.firstResponseAt() == null && kase.solvedAt() == null ? OpenTime.WALL_CLOCK : sla.openTimeOf(kase);
        return CaseFacts.of(detail, settings.zone(), open, assist.scoresOf(kase.id()));
    }

    /**
     * The case's row and moments, as its timeline says now; a case that is gone leaves nothing
     * behind. Waits for any other transaction writing this case's facts to commit first, and then
     * reads the case again, so the one written last has seen every change before it.
     */
    void refreshCase(CaseId id) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:id, 21))")
                .param("id", id.value().toString())
                .query()
                .listOfRows();
        CaseFacts facts;
        try {
            facts = factsOf(cases.currentOutline(id));
        } catch (NotFoundException gone) {
            jdbc.sql("delete from reports.case_moment where case_id = :id")
                    .param("id", id.value())
                    .update();
            jdbc.sql("delete from reports.case_fact where case_id = :id returning requester_id, created_at")
                    .param("id", id.value())
                    .query((rs, n) ->
                            new Object[] {rs.getObject("requester_id", UUID.class), rs.getTimestamp("created_at")})
                    .list()
                    .forEach(row -> relinkNext((UUID) row[0], (java.sql.Timestamp) row[1]));
            return;
        }
        write(facts, true);
    }

    /**
     * The facts of a case opened in the current transaction: no other transaction can see it before
     * this one commits, so there is nothing to wait for, no older rows to replace, and the outline
     * the transaction's other reactions read will do.
     */
    void writeOpenedCase(CaseId id) {
        CaseFacts facts;
        try {
            facts = factsOf(cases.outline(id));
        } catch (NotFoundException gone) {
            return; // opened and removed in one transaction
        }
        write(facts, false);
    }

    /**
     * Only the case's tags, when nothing else a figure counts changed (a case's tags change without
     * an event of their own). The case's row is locked by the change, and the outline was read after
     * it, so the tags are the latest.
     */
    void writeTags(CaseId id) {
        String[] tags;
        try {
            tags = cases.outline(id).summary().tags().toArray(new String[0]);
        } catch (NotFoundException gone) {
            return;
        }
        jdbc.sql("update reports.case_fact set tags = cast(:tags as text[]) where case_id = :id"
                        + " and tags is distinct from cast(:tags as text[])")
                .param("id", id.value())
                .param("tags", tags)
                .update();
    }

    private void write(CaseFacts facts, boolean replacing) {
        var kase = facts.kase();
        var requester = kase.requesterId().value();
        var createdAt = java.sql.Timestamp.from(kase.createdAt());
        // The upsert answers with the requester the row had before it (none for a new row): a merge of
        // customers moves a case to another requester. The CTE reads the row as it was, in the same
        // statement, so a refresh costs no extra round trip.
        var before = jdbc
                .sql("""
                        with old as (select requester_id from reports.case_fact where case_id = :id)
                        insert into reports.case_fact (case_id, number, requester_id, channel, priority, team_id,
                            agent_id, status, created_at, created_day, first_response_secs,
                            first_response_business_secs, solved_day, resolution_secs, resolution_business_secs,
                            transfers, first_frustration, last_frustration, tags, custom_fields, refreshed_at,
                            previous_created_at, first_response_breached, resolution_breached)
                        values (:id, :number, :requester, :channel, :priority, :team, :agent, :status, :createdAt,
                            :createdDay, :frt, :frtBusiness, :solvedDay, :resolution, :resolutionBusiness,
                            :transfers, :firstFrustration, :lastFrustration, :tags, cast(:customFields as jsonb), :now,
                            (select max(p.created_at) from reports.case_fact p
                             where p.requester_id = :requester and p.created_at < :createdAt),
                            :frtBreached, :resolutionBreached)
                        on conflict (case_id) do update set requester_id = excluded.requester_id,
                            previous_created_at = excluded.previous_created_at,
                            first_response_breached = excluded.first_response_breached,
                            resolution_breached = excluded.resolution_breached,
                            channel = excluded.channel,
                            priority = excluded.priority, team_id = excluded.team_id, agent_id = excluded.agent_id,
                            status = excluded.status, created_day = excluded.created_day,
                            first_response_secs = excluded.first_response_secs,
                            first_response_business_secs = excluded.first_response_business_secs,
                            solved_day = excluded.solved_day, resolution_secs = excluded.resolution_secs,
                            resolution_business_secs = excluded.resolution_business_secs,
                            transfers = excluded.transfers,
                            first_frustration = excluded.first_frustration,
                            last_frustration = excluded.last_frustration,
                            tags = excluded.tags, custom_fields = excluded.custom_fields,
                            refreshed_at = excluded.refreshed_at
                        returning (select requester_id from old) as before
                        """)
                .param("id", kase.id().value())
                .param("number", kase.number())
                .param("requester", requester)
                .param("channel", kase.channel().value())
                .param("priority", kase.priority().value())
                .param("team", kase.teamId() == null ? null : kase.teamId().value())
                .param("agent", kase.ownerId() == null ? null : kase.ownerId().value())
                .param("status", kase.status().value())
                .param("createdAt", createdAt)
                .param("frtBreached", facts.firstResponseBreached())
                .param("resolutionBreached", facts.resolutionBreached())
                .param("createdDay", facts.createdDay())
                .param("frt", facts.firstResponseSecs())
                .param("frtBusiness", facts.firstResponseBusinessSecs())
                .param("solvedDay", facts.solvedDay())
                .param("resolution", facts.resolutionSecs())
                .param("resolutionBusiness", facts.resolutionBusinessSecs())
                .param("transfers", facts.transfers())
                .param("firstFrustration", facts.firstFrustration())
                .param("lastFrustration", facts.lastFrustration())
                .param("tags", kase.tags().toArray(new String[0]))
                .param("customFields", json.writeValueAsString(customValues.of(kase.id())))
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .query((rs, n) -> rs.getObject("before", UUID.class))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
        // A case's creation never changes: only a new row, or one moved to another requester, changes
        // which case comes before the requesters' next ones.
        if (!before.contains(requester)) {
            relinkNext(requester, createdAt);
        }
        for (var earlier : before) {
            if (!earlier.equals(requester)) {
                relinkNext(earlier, createdAt);
            }
        }
        if (replacing) {
            jdbc.sql("delete from reports.case_moment where case_id = :id")
                    .param("id", kase.id().value())
                    .update();
        }
        for (var m : facts.moments()) {
            jdbc.sql("""
                            insert into reports.case_moment (entry_id, case_id, kind, at, day, team_id, agent_id,
                                channel, priority, label, secs, flag)
                            values (:entry, :case, :kind, :at, :day, :team, :agent, :channel, :priority, :label,
                                :secs, :flag)
                            on conflict (entry_id) do nothing
                            """)
                    .param("entry", m.entryId())
                    .param("case", kase.id().value())
                    .param("kind", m.kind().value())
                    .param("at", java.sql.Timestamp.from(m.at()))
                    .param("day", m.day())
                    .param("team", kase.teamId() == null ? null : kase.teamId().value())
                    .param("agent", m.agentId())
                    .param("channel", kase.channel().value())
                    .param("priority", kase.priority().value())
                    .param("label", m.label())
                    .param("secs", m.secs())
                    .param("flag", m.flag())
                    .update();
        }
    }

    /**
     * The requester's next case after {@code at} (all of them, when several were created at one
     * instant) takes its previous case's creation again: the case at {@code at} just came, went or
     * moved to another requester. The cases after that one are unaffected: their previous case is
     * that one or later.
     */
    private void relinkNext(UUID requester, java.sql.Timestamp at) {
        jdbc.sql("""
                        update reports.case_fact f
                        set previous_created_at = (select max(p.created_at) from reports.case_fact p
                                                   where p.requester_id = f.requester_id and p.created_at < f.created_at)
                        where f.requester_id = :requester
                          and f.created_at = (select min(n.created_at) from reports.case_fact n
                                              where n.requester_id = :requester and n.created_at > :at)
                        """).param("requester", requester).param("at", at).update();
    }

    /**
     * Works out again, set-based, the previous case of every case of the requesters who opened a
     * case on these days: the repair under {@link #relinkNext}, which misses a case written by another
     * transaction at the same moment (two cases of one customer opened at once). For the reconcile.
     */
    int relinkRequestersOfCasesCreated(java.time.LocalDate from, java.time.LocalDate to) {
        return jdbc.sql("""
                        with requesters as (
                            select distinct requester_id from reports.case_fact where created_day between :from and :to
                        ), linked as (
                            select f.case_id, f.previous_created_at as stored, max(f.created_at) over (
                                partition by f.requester_id order by f.created_at
                                range between unbounded preceding and current row exclude group) as previous
                            from reports.case_fact f
                            where f.requester_id in (select requester_id from requesters)
                        )
                        update reports.case_fact f set previous_created_at = l.previous
                        from linked l
                        where l.case_id = f.case_id and l.stored is distinct from l.previous
                        """).param("from", from).param("to", to).update();
    }

    /**
     * The contact's row: answered (when, after what wait, by whom, handled how long once it ended)
     * or abandoned (after what wait). A contact still waiting has no row yet.
     */
    void refreshContact(ContactId id) {
        var contact = queues.contact(id);
        var state = contact.state();
        if (state == ContactState.WAITING || state == ContactState.OFFERED) {
            return;
        }
        boolean abandoned = state == ContactState.ABANDONED;
        Instant acceptedAt = abandoned ? null : contact.arrivedAt().plus(contact.waited());
        Instant endedAt = state == ContactState.ENDED ? endedAt(contact.caseId(), acceptedAt) : null;
        Long handle = endedAt == null || acceptedAt == null
                ? null
                : Math.max(0, Duration.between(acceptedAt, endedAt).toSeconds());
        jdbc.sql("""
                        insert into reports.contact_fact (contact_id, case_id, team_id, agent_id, channel, arrived_at,
                            day, outcome, waited_secs, accepted_at, ended_at, handle_secs)
                        values (:id, :case, :team, :agent, :channel, :arrived, :day, :outcome, :waited, :accepted,
                            :ended, :handle)
                        on conflict (contact_id) do update set team_id = excluded.team_id,
                            agent_id = excluded.agent_id, outcome = excluded.outcome,
                            waited_secs = excluded.waited_secs, accepted_at = excluded.accepted_at,
                            ended_at = excluded.ended_at, handle_secs = excluded.handle_secs
                        """)
                .param("id", id.value())
                .param("case", contact.caseId().value())
                .param("team", contact.teamId().value())
                .param(
                        "agent",
                        abandoned || contact.agentId() == null
                                ? null
                                : contact.agentId().value())
                .param("channel", contact.channel().value())
                .param("arrived", java.sql.Timestamp.from(contact.arrivedAt()))
                .param("day", CaseFacts.day(contact.arrivedAt(), settings.zone()))
                .param("outcome", abandoned ? "abandoned" : "accepted")
                .param("waited", contact.waited().toSeconds())
                .param("accepted", acceptedAt == null ? null : java.sql.Timestamp.from(acceptedAt))
                .param("ended", endedAt == null ? null : java.sql.Timestamp.from(endedAt))
                .param("handle", handle)
                .update();
        log.debug("Case {}: contact {} counted as {}", contact.caseId(), id, state);
    }

    /** When the contact answered at {@code acceptedAt} ended: the case's first contact-ended entry since. */
    private @Nullable Instant endedAt(CaseId caseId, @Nullable Instant acceptedAt) {
        if (acceptedAt == null) {
            return null;
        }
        // Accepted-at is worked out to the millisecond; the entry is written a moment later.
        var from = acceptedAt.minusSeconds(1);
        return cases.outline(caseId).timeline().stream()
                .filter(e -> e.event() instanceof TimelineEvent.ContactEnded)
                .map(e -> e.createdAt())
                .filter(at -> !at.isBefore(from))
                .findFirst()
                .orElse(null);
    }

    /** Forgets the facts of cases created on these days, before a rebuild writes them again. */
    int forgetCasesCreated(java.time.LocalDate from, java.time.LocalDate to) {
        jdbc.sql("""
                        delete from reports.case_moment m using reports.case_fact f
                        where m.case_id = f.case_id and f.created_day between :from and :to
                        """).param("from", from).param("to", to).update();
        return jdbc.sql("delete from reports.case_fact where created_day between :from and :to")
                .param("from", from)
                .param("to", to)
                .update();
    }
}
