package dev.casekeeper.reports;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.assist.AssistManagement;
import dev.casekeeper.shared.AccessDeniedException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practice scorecard of an agent: the practices of seeds 003 and 004 as the desk measures them.
 * Never personal: tone findings per 100 checked replies, by kind (over all time, as the tone checks
 * are kept). Owning the problem: promises kept on time; holds kept under the limit. And the quality
 * reviews of the last 90 days, overall and per criterion.
 */
@Service
@Transactional(readOnly = true)
class QaScorecards {

    static final Duration WINDOW = Duration.ofDays(90);

    private final QaQueries queries;
    private final AssistManagement assist;
    private final AgentManagement agents;
    private final QaReviews reviews;
    private final ReportsSettings settings;
    private final Clock clock;

    QaScorecards(
            QaQueries queries,
            AssistManagement assist,
            AgentManagement agents,
            QaReviews reviews,
            ReportsSettings settings,
            Clock clock) {
        this.queries = queries;
        this.assist = assist;
        this.agents = agents;
        this.reviews = reviews;
        this.settings = settings;
        this.clock = clock;
    }

    /** One agent's practice figures. */
    record Scorecard(
            UUID agentId,
            String name,
            int reviews,
            @Nullable Double averageScore,
            int unacknowledged,
            Map<String, Double> byCriterion,
            int checkedReplies,
            @Nullable Double toneFindingsPer100Replies,
            Map<String, Integer> toneFindings,
            long holds,
            long holdsWithinLimit,
            long promises,
            long promisesKeptOnTime) {}

    /** The agent's own scorecard (null: the caller's); supervisors see their teams' agents', admins anyone's. */
    Scorecard of(@Nullable AgentId agent, SignedInAgent me) {
        var who = agent == null ? me.id() : agent;
        if (!who.equals(me.id()) && !me.isAdmin()) {
            var mine = me.teamIds();
            if (!me.role().seesAllTeams() || agents.find(who).teamIds().stream().noneMatch(mine::contains)) {
                throw new AccessDeniedException("You see your own scorecard and your teams' agents' only");
            }
        }
        return card(agents.find(who), me);
    }

    /** Every agent of the team, by name (the team's supervisors and admins). */
    List<Scorecard> ofTeam(TeamId team, SignedInAgent me) {
        if (!me.role().seesAllTeams() || (!me.isAdmin() && !me.teamIds().contains(team))) {
            throw new AccessDeniedException("A team's scorecards are for its supervisors and admins");
        }
        return agents.list().stream()
                .filter(a -> a.teamIds().contains(team))
                .sorted(Comparator.comparing(Agent::name))
                .map(a -> card(a, me))
                .toList();
    }

    private Scorecard card(Agent agent, SignedInAgent me) {
        var now = clock.instant();
        var since = now.minus(WINDOW);
        var figures = queries.reviewFigures(agent.id(), since);
        var tone = assist.coaching(agent.id(), me, null, 1);
        int findings =
                tone.counts().values().stream().mapToInt(Integer::intValue).sum();
        var moments = queries.holdsAndPromises(agent.id(), LocalDate.ofInstant(since, settings.zone()));
        return new Scorecard(
                agent.id().value(),
                agent.name(),
                figures.reviews(),
                figures.averageScore(),
                figures.unacknowledged(),
                labelled(figures.byCriterion()),
                tone.checkedReplies(),
                tone.checkedReplies() == 0 ? null : Math.round(findings * 1000.0 / tone.checkedReplies()) / 10.0,
                tone.counts(),
                moments[0],
                moments[1],
                moments[2],
                moments[3]);
    }

    /** Each criterion's average under its current label (a criterion no longer in the rubric keeps its key). */
    private Map<String, Double> labelled(Map<String, Double> byKey) {
        var labels =
                reviews.rubric().stream().collect(Collectors.toMap(QaModel.Criterion::key, QaModel.Criterion::label));
        return byKey.entrySet().stream()
                .collect(Collectors.toMap(
                        e -> labels.getOrDefault(e.getKey(), e.getKey()),
                        e -> Math.round(e.getValue() * 10) / 10.0,
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }
}
