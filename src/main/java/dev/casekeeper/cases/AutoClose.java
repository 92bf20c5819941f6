package dev.casekeeper.cases;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.InvalidInputException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Solved cases close by themselves after a number of days without the customer writing (a message
 * from her opens a solved case again, so a case still solved has had none): per team, or
 * {@link AutoCloseSettings#days()}. A durable recurring job (db-scheduler: one node at a time, caught
 * up after a stop) closes each due case in a transaction of its own, as Casekeeper; a case that may
 * not be closed yet (an open promise) stays solved until it may.
 */
@Service
public class AutoClose {

    private static final Logger log = LoggerFactory.getLogger(AutoClose.class);
    private static final int BATCH = 200;

    /** The days of each team with a setting of its own, and the default for the others. */
    public record Days(int defaultDays, Map<TeamId, Integer> teams) {}

    private final JdbcClient jdbc;
    private final CaseQueries cases;
    private final CaseWriter writer;
    private final List<CaseCloseGuard> guards;
    private final AgentManagement agents;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final AutoCloseSettings settings;
    private final Clock clock;

    AutoClose(
            JdbcClient jdbc,
            CaseQueries cases,
            CaseWriter writer,
            List<CaseCloseGuard> guards,
            AgentManagement agents,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            AutoCloseSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.writer = writer;
        this.guards = List.copyOf(guards);
        this.agents = agents;
        this.events = events;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    public Days days() {
        var teams = jdbc
                .sql("select team_id, days from cases.team_auto_close")
                .query((rs, n) -> Map.entry(new TeamId(rs.getObject("team_id", UUID.class)), rs.getInt("days")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new Days(settings.days(), teams);
    }

    /**
     * Sets a team's days (0: its solved cases never close by themselves); null returns the team to the
     * default.
     */
    public Days setDays(TeamId team, @Nullable Integer days) {
        agents.findTeam(team);
        if (days != null && (days < 0 || days > 365)) {
            throw new InvalidInputException("days", "must be between 0 and 365, or null for the default");
        }
        if (days == null) {
            jdbc.sql("delete from cases.team_auto_close where team_id = :team")
                    .param("team", team.value())
                    .update();
        } else {
            jdbc.sql("""
                            insert into cases.team_auto_close (team_id, days) values (:team, :days)
                            on conflict (team_id) do update set days = excluded.days
                            """).param("team", team.value()).param("days", days).update();
        }
        return days();
    }

    @Bean
    RecurringTask<Void> autoCloseTask() {
        return Tasks.recurring("auto-close-solved-cases", FixedDelay.of(settings.interval()))
                .execute((instance, context) -> closeDue());
    }

    /** One pass: closes every case due now; answers how many closed. */
    int closeDue() {
        Instant now = clock.instant();
        int closed = 0;
        List<UUID> due;
        var skipped = new java.util.HashSet<UUID>();
        do {
            due = due(now, skipped);
            for (var id : due) {
                try {
                    if (Boolean.TRUE.equals(transactions.execute(status -> close(id, now)))) {
                        closed++;
                        continue;
                    }
                } catch (RuntimeException e) {
                    // One case that cannot be closed must not keep the others open; the next pass tries again.
                    log.warn("Case {} could not be closed automatically", id, e);
                }
                skipped.add(id);
            }
        } while (due.size() == BATCH);
        if (closed > 0) {
            log.info("{} solved cases closed after their days without a customer reply", closed);
        }
        return closed;
    }

    private List<UUID> due(Instant now, java.util.Set<UUID> skipped) {
        return jdbc.sql("""
                        select c.id from cases.support_case c
                        left join cases.team_auto_close t on t.team_id = c.team_id
                        where c.status = 'solved' and c.removed_at is null
                          and coalesce(t.days, :defaultDays) > 0
                          and c.solved_at <= cast(:now as timestamptz) - make_interval(days => coalesce(t.days, :defaultDays))
                          and not (c.id = any(:skipped))
                        order by c.solved_at
                        limit :batch
                        """)
                .param("defaultDays", settings.days())
                .param("now", Timestamp.from(now))
                .param("skipped", skipped.toArray(UUID[]::new))
                .param("batch", BATCH)
                .query(UUID.class)
                .list();
    }

    /** Closes the case if it is still solved and nothing stands in the way; under its row lock. */
    private boolean close(UUID id, Instant now) {
        var kase = cases.lock(id).orElse(null);
        if (kase == null || kase.status != CaseStatus.SOLVED) {
            return false;
        }
        for (var guard : guards) {
            if (guard.refusal(new CaseId(id), CaseStatus.CLOSED).isPresent()) {
                return false;
            }
        }
        kase.moveTo(CaseStatus.CLOSED, now);
        writer.save(kase, Actor.SYSTEM, now);
        events.publishEvent(new StatusChanged(new CaseId(id), CaseStatus.SOLVED, CaseStatus.CLOSED));
        return true;
    }
}
