package dev.casekeeper.reports;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.assist.AssistManagement;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practice scorecard over time, per week or month: for one agent (agents see themselves,
 * supervisors their teams' agents, admins anyone) or for a team's agents together (the team's
 * supervisors and admins). The same figures as the scorecard, each counted in the period it happened
 * in: tone findings of the replies checked then, promises due then, holds ended then, reviews written then.
 */
@Service
@Transactional(readOnly = true)
class CoachingTrends {

    /** By default: the last twelve weeks. */
    static final int DEFAULT_DAYS = 84;

    private final CoachingTrendQueries queries;
    private final AssistManagement assist;
    private final AgentManagement agents;
    private final ReportsSettings settings;
    private final Clock clock;

    CoachingTrends(
            CoachingTrendQueries queries,
            AssistManagement assist,
            AgentManagement agents,
            ReportsSettings settings,
            Clock clock) {
        this.queries = queries;
        this.assist = assist;
        this.agents = agents;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One period's practice figures.
     *
     * @param averageScore the average score of the reviews written in the period, in percent
     */
    record TrendPoint(
            LocalDate period,
            long reviews,
            @Nullable Double averageScore,
            long checkedReplies,
            long toneFindings,
            long promises,
            long promisesKeptOnTime,
            long holds,
            long holdsWithinLimit) {

        @com.fasterxml.jackson.annotation.JsonProperty
        public @Nullable Double toneFindingsPer100Replies() {
            return checkedReplies == 0 ? null : Math.round(toneFindings * 1000.0 / checkedReplies) / 10.0;
        }

        @com.fasterxml.jackson.annotation.JsonProperty
        public @Nullable Double promisesKeptShare() {
            return promises == 0 ? null : (double) promisesKeptOnTime / promises;
        }

        @com.fasterxml.jackson.annotation.JsonProperty
        public @Nullable Double holdsWithinLimitShare() {
            return holds == 0 ? null : (double) holdsWithinLimit / holds;
        }
    }

    /** The trend of an agent ({@code agentId}) or of a team's agents ({@code teamId}), named {@code name}. */
    record CoachingTrend(
            @Nullable UUID agentId,
            @Nullable UUID teamId,
            String name,
            LocalDate from,
            LocalDate to,
            String period,
            List<TrendPoint> rows) {}

    /** The days, the grouping and whose trend, as a URL gives them; by default the caller's, the last 12 weeks by week. */
    record TrendRequest(
            @Nullable String from,
            @Nullable String to,
            @Nullable String period,
            @Nullable UUID agent,
            @Nullable UUID team) {}

    CoachingTrend trend(TrendRequest request, SignedInAgent me) {
        var errors = new LinkedHashMap<String, String>();
        var today = LocalDate.ofInstant(clock.instant(), settings.zone());
        LocalDate to = date(request.to(), "to", errors);
        LocalDate from = date(request.from(), "from", errors);
        to = to == null ? today : to;
        from = from == null ? to.minusDays(DEFAULT_DAYS - 1) : from;
        if (from.isAfter(to)) {
            errors.put("from", "must not be after to");
        } else if (from.plusDays(ReportRequest.MAX_DAYS).isBefore(to)) {
            errors.put("to", "a trend covers at most " + ReportRequest.MAX_DAYS + " days");
        }
        Period period = Period.WEEK;
        if (request.period() != null && !request.period().isBlank()) {
            switch (request.period().strip().toLowerCase(java.util.Locale.ROOT)) {
                case "week" -> period = Period.WEEK;
                case "month" -> period = Period.MONTH;
                default -> errors.put("period", "must be week or month");
            }
        }
        if (request.agent() != null && request.team() != null) {
            errors.put("team", "a trend is of an agent or of a team, not both");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (request.team() != null) {
            var team = new TeamId(request.team());
            if (!me.role().seesAllTeams() || (!me.isAdmin() && !me.teamIds().contains(team))) {
                throw new AccessDeniedException("A team's coaching trend is for its supervisors and admins");
            }
            var members = agents.list().stream()
                    .filter(a -> a.teamIds().contains(team))
                    .map(Agent::id)
                    .toList();
            return new CoachingTrend(
                    null,
                    team.value(),
                    agents.findTeam(team).name(),
                    from,
                    to,
                    period.value(),
                    rows(members, from, to, period));
        }
        var who = request.agent() == null ? me.id() : new AgentId(request.agent());
        if (!who.equals(me.id()) && !me.isAdmin()) {
            if (!me.role().seesAllTeams() || agents.find(who).teamIds().stream().noneMatch(me.teamIds()::contains)) {
                throw new AccessDeniedException("You see your own coaching trend and your teams' agents' only");
            }
        }
        var agent = agents.find(who);
        return new CoachingTrend(
                who.value(), null, agent.name(), from, to, period.value(), rows(List.of(who), from, to, period));
    }

    private List<TrendPoint> rows(List<AgentId> who, LocalDate from, LocalDate to, Period period) {
        var figures = new HashMap<LocalDate, long[]>();
        var scores = new HashMap<LocalDate, Double>();
        if (!who.isEmpty()) {
            var ids = who.stream().map(AgentId::value).toArray(UUID[]::new);
            queries.reviews(ids, from, to, period, settings.zone()).forEach(r -> {
                slot(figures, r.period())[0] = r.reviews();
                scores.put(r.period(), r.averageScore());
            });
            queries.moments(ids, from, to, period).forEach(m -> {
                var f = slot(figures, m.period());
                f[3] = m.promises();
                f[4] = m.promisesKept();
                f[5] = m.holds();
                f[6] = m.holdsWithinLimit();
            });
            for (var day : assist.toneByDay(who, from, to, settings.zone())) {
                var f = slot(figures, period.start(day.day()));
                f[1] += day.checkedReplies();
                f[2] += day.findings();
            }
        }
        var rows = new ArrayList<TrendPoint>();
        for (var start = period.start(from); !start.isAfter(to); start = period.next(start)) {
            var f = figures.getOrDefault(start, new long[7]);
            rows.add(new TrendPoint(start, f[0], scores.get(start), f[1], f[2], f[3], f[4], f[5], f[6]));
        }
        return rows;
    }

    private static long[] slot(Map<LocalDate, long[]> figures, LocalDate period) {
        return figures.computeIfAbsent(period, p -> new long[7]);
    }

    private static @Nullable LocalDate date(@Nullable String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date like 2026-03-29");
            return null;
        }
    }
}
