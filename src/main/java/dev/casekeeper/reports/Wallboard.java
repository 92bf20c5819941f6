package dev.casekeeper.reports;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.routing.LiveContactManagement;
import dev.casekeeper.routing.Presence;
import dev.casekeeper.routing.QueueManagement;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A team's wallboard: the queue and the agents as routing sees them now, holds over the limit, cases
 * whose SLA warned and is not yet met or breached, and today's figures from the facts.
 */
@Component
class Wallboard {

    private final QueueManagement queues;
    private final LiveContactManagement liveContacts;
    private final Reports reports;
    private final JdbcClient jdbc;
    private final Clock clock;

    Wallboard(
            QueueManagement queues,
            LiveContactManagement liveContacts,
            Reports reports,
            ReportingDatabase database,
            Clock clock) {
        this.queues = queues;
        this.liveContacts = liveContacts;
        this.reports = reports;
        this.jdbc = database.reads();
        this.clock = clock;
    }

    /** What the board shows. */
    record Board(
            TeamId teamId,
            long waiting,
            @Nullable Duration longestWait,
            Map<Presence, Long> agents,
            long holdsOverLimit,
            long slaAtRisk,
            Metrics today) {}

    Board board(TeamId team, SignedInAgent viewer) {
        var queue = queues.queue(team, viewer);
        var waiting = queue.contacts().stream()
                .filter(c -> c.state() == ContactState.WAITING || c.state() == ContactState.OFFERED)
                .toList();
        Duration longest =
                waiting.stream().map(c -> c.waited()).max(Duration::compareTo).orElse(null);
        var presence = new EnumMap<Presence, Long>(Presence.class);
        for (var p : Presence.values()) {
            presence.put(p, 0L);
        }
        queue.agents().forEach(a -> presence.merge(a.presence(), 1L, Long::sum));
        var now = clock.instant();
        long overLimit = liveContacts.holds(viewer).stream()
                .filter(h -> h.teamId().equals(team))
                .filter(h -> h.limitReached() || !now.isBefore(h.limitAt()))
                .count();
        var today = reports.today();
        var request = new ReportRequest(
                today.toString(), today.toString(), "day", team.value().toString(), null, null, null);
        return new Board(
                team,
                waiting.size(),
                longest,
                presence,
                overLimit,
                slaAtRisk(team),
                reports.report(request, viewer).total());
    }

    /**
     * Open cases of the team whose SLA warned for a target that is neither met nor breached yet: a
     * first response not given, or a resolution not reached.
     */
    private long slaAtRisk(TeamId team) {
        return jdbc.sql("""
                        select count(distinct f.case_id) from reports.case_moment w
                        join reports.case_fact f on f.case_id = w.case_id
                        where w.kind = 'sla_warned' and w.team_id = :team
                          and f.status not in ('solved', 'closed')
                          and ((w.label = 'first_response' and f.first_response_secs is null)
                               or w.label = 'resolution')
                          and not exists (select 1 from reports.case_moment b where b.case_id = w.case_id
                              and b.kind = 'sla_breached' and b.label = w.label)
                        """).param("team", team.value()).query(Long.class).single();
    }
}
