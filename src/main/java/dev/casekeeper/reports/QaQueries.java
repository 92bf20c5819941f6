package dev.casekeeper.reports;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.reports.QaModel.Comment;
import dev.casekeeper.reports.QaModel.Criterion;
import dev.casekeeper.reports.QaModel.CriterionScore;
import dev.casekeeper.reports.QaModel.Review;
import dev.casekeeper.reports.QaModel.SampleCase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of the rubric and of quality reviews (schema {@code reports}, migration V2). */
@Repository
class QaQueries {

    private final JdbcClient jdbc;

    QaQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Criterion> rubric() {
        return jdbc.sql("select key, label, description, weight from reports.qa_criterion order by position, key")
                .query((rs, n) -> new Criterion(
                        rs.getString("key"), rs.getString("label"), rs.getString("description"), rs.getInt("weight")))
                .list();
    }

    void replaceRubric(List<Criterion> criteria) {
        jdbc.sql("delete from reports.qa_criterion").update();
        int position = 1;
        for (var c : criteria) {
            jdbc.sql("""
                            insert into reports.qa_criterion (key, label, description, weight, position)
                            values (:key, :label, :description, :weight, :position)""")
                    .param("key", c.key())
                    .param("label", c.label())
                    .param("description", c.description())
                    .param("weight", c.weight())
                    .param("position", position++)
                    .update();
        }
    }

    void insert(Review review) {
        jdbc.sql("""
                        insert into reports.qa_review (id, case_id, case_number, agent_id, team_id, reviewer_id, score,
                            summary, created_at)
                        values (:id, :case, :number, :agent, :team, :reviewer, :score, :summary, :at)""")
                .param("id", review.id())
                .param("case", review.caseId().value())
                .param("number", review.caseNumber())
                .param("agent", review.agentId().value())
                .param("team", review.teamId() == null ? null : review.teamId().value())
                .param("reviewer", review.reviewerId().value())
                .param("score", review.score())
                .param("summary", review.summary())
                .param("at", Timestamp.from(review.createdAt()))
                .update();
        int position = 1;
        for (var s : review.scores()) {
            jdbc.sql("""
                            insert into reports.qa_review_score (review_id, criterion, label, weight, score, position)
                            values (:review, :criterion, :label, :weight, :score, :position)""")
                    .param("review", review.id())
                    .param("criterion", s.criterion())
                    .param("label", s.label())
                    .param("weight", s.weight())
                    .param("score", s.score())
                    .param("position", position++)
                    .update();
        }
        for (var c : review.comments()) {
            jdbc.sql(
                            "insert into reports.qa_review_comment (review_id, entry_id, text) values (:review, :entry, :text)")
                    .param("review", review.id())
                    .param("entry", c.entryId())
                    .param("text", c.text())
                    .update();
        }
    }

    /** Acknowledges the review once; false when it was acknowledged already. */
    boolean acknowledge(UUID id, @Nullable String note, Instant at) {
        return jdbc.sql("""
                        update reports.qa_review set acknowledged_at = :at, acknowledgement = :note
                        where id = :id and acknowledged_at is null""")
                        .param("id", id)
                        .param("note", note)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    Optional<Review> find(UUID id) {
        return list("where r.id = :id", Map.of("id", id), 1).stream().findFirst();
    }

    /** Reviews of these agents or of cases of these teams (null: any), newest first. */
    List<Review> reviews(@Nullable AgentId agent, @Nullable Collection<UUID> teams, int limit) {
        var where = new ArrayList<String>();
        var params = new java.util.HashMap<String, Object>();
        if (agent != null) {
            where.add("r.agent_id = :agent");
            params.put("agent", agent.value());
        }
        if (teams != null) {
            if (teams.isEmpty()) {
                return List.of();
            }
            where.add("r.team_id in (:teams)");
            params.put("teams", teams);
        }
        return list(where.isEmpty() ? "" : "where " + String.join(" and ", where), params, limit);
    }

    private List<Review> list(String where, Map<String, ?> params, int limit) {
        var reviews = jdbc.sql("""
                        select r.* from reports.qa_review r
                        %s
                        order by r.created_at desc, r.id
                        limit :limit""".formatted(where))
                .params(params)
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list();
        if (reviews.isEmpty()) {
            return reviews;
        }
        var ids = reviews.stream().map(Review::id).toList();
        var scores = new java.util.HashMap<UUID, List<CriterionScore>>();
        jdbc.sql("""
                        select review_id, criterion, label, weight, score from reports.qa_review_score
                        where review_id in (:ids) order by position""").param("ids", ids).query(rs -> {
            scores.computeIfAbsent(rs.getObject("review_id", UUID.class), k -> new ArrayList<>())
                    .add(new CriterionScore(
                            rs.getString("criterion"), rs.getString("label"), rs.getInt("weight"), rs.getInt("score")));
        });
        var comments = new java.util.HashMap<UUID, List<Comment>>();
        jdbc.sql(
                        "select review_id, entry_id, text from reports.qa_review_comment where review_id in (:ids) order by id")
                .param("ids", ids)
                .query(rs -> {
                    comments.computeIfAbsent(rs.getObject("review_id", UUID.class), k -> new ArrayList<>())
                            .add(new Comment(rs.getObject("entry_id", UUID.class), rs.getString("text")));
                });
        return reviews.stream()
                .map(r -> new Review(
                        r.id(),
                        r.caseId(),
                        r.caseNumber(),
                        r.agentId(),
                        r.teamId(),
                        r.reviewerId(),
                        r.score(),
                        r.summary(),
                        r.createdAt(),
                        r.acknowledgedAt(),
                        r.acknowledgement(),
                        List.copyOf(scores.getOrDefault(r.id(), List.of())),
                        List.copyOf(comments.getOrDefault(r.id(), List.of()))))
                .toList();
    }

    private static Review row(ResultSet rs) throws SQLException {
        var team = rs.getObject("team_id", UUID.class);
        var acknowledged = rs.getTimestamp("acknowledged_at");
        return new Review(
                rs.getObject("id", UUID.class),
                new CaseId(rs.getObject("case_id", UUID.class)),
                rs.getLong("case_number"),
                new AgentId(rs.getObject("agent_id", UUID.class)),
                team == null ? null : new TeamId(team),
                new AgentId(rs.getObject("reviewer_id", UUID.class)),
                rs.getDouble("score"),
                rs.getString("summary"),
                rs.getTimestamp("created_at").toInstant(),
                acknowledged == null ? null : acknowledged.toInstant(),
                rs.getString("acknowledgement"),
                List.of(),
                List.of());
    }

    /**
     * A few solved cases of each of the team's agents from these days, not reviewed yet: random, but
     * the same all week ({@code seed}), so the offer does not change on every visit.
     */
    List<SampleCase> sample(TeamId team, LocalDate from, LocalDate to, String seed, int perAgent) {
        return jdbc.sql("""
                        select case_id, number, agent_id, solved_day from (
                            select f.case_id, f.number, f.agent_id, f.solved_day,
                                   row_number() over (partition by f.agent_id
                                                      order by md5(f.case_id::text || :seed)) as n
                            from reports.case_fact f
                            where f.solved_day between :from and :to and f.team_id = :team
                              and f.agent_id is not null and f.status in ('solved', 'closed')
                              and not exists (select 1 from reports.qa_review r where r.case_id = f.case_id)
                        ) s
                        where n <= :perAgent
                        order by agent_id, number""")
                .param("team", team.value())
                .param("from", from)
                .param("to", to)
                .param("seed", seed)
                .param("perAgent", perAgent)
                .query((rs, n) -> new SampleCase(
                        new CaseId(rs.getObject("case_id", UUID.class)),
                        rs.getLong("number"),
                        new AgentId(rs.getObject("agent_id", UUID.class)),
                        rs.getObject("solved_day", LocalDate.class)))
                .list();
    }

    /** The agent's reviews since then: how many, the average score and each criterion's average (1 to 5). */
    ReviewFigures reviewFigures(AgentId agent, Instant since) {
        var totals = jdbc.sql("""
                        select count(*) as n, avg(score) as score,
                               count(*) filter (where acknowledged_at is null) as unacknowledged
                        from reports.qa_review where agent_id = :agent and created_at >= :since""")
                .param("agent", agent.value())
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new long[] {
                    rs.getLong("n"), Math.round(rs.getDouble("score") * 10), rs.getLong("unacknowledged")
                })
                .single();
        var byCriterion = new java.util.LinkedHashMap<String, Double>();
        jdbc.sql("""
                        select s.criterion, avg(s.score) as score from reports.qa_review_score s
                        join reports.qa_review r on r.id = s.review_id
                        where r.agent_id = :agent and r.created_at >= :since
                        group by s.criterion order by min(s.position)""")
                .param("agent", agent.value())
                .param("since", Timestamp.from(since))
                .query(rs -> {
                    byCriterion.put(rs.getString("criterion"), rs.getDouble("score"));
                });
        return new ReviewFigures(
                (int) totals[0], totals[0] == 0 ? null : totals[1] / 10.0, (int) totals[2], byCriterion);
    }

    /** Holds and promises of the agent's since that day, from reports' moments. */
    long[] holdsAndPromises(AgentId agent, LocalDate since) {
        return jdbc.sql("""
                        select count(*) filter (where kind = 'hold') as holds,
                               count(*) filter (where kind = 'hold' and not coalesce(flag, false)) as holds_in_limit,
                               count(*) filter (where kind = 'promise') as promises,
                               count(*) filter (where kind = 'promise' and coalesce(flag, false)) as promises_kept
                        from reports.case_moment
                        where agent_id = :agent and kind in ('hold', 'promise') and day >= :since""")
                .param("agent", agent.value())
                .param("since", since)
                .query((rs, n) -> new long[] {
                    rs.getLong("holds"),
                    rs.getLong("holds_in_limit"),
                    rs.getLong("promises"),
                    rs.getLong("promises_kept")
                })
                .single();
    }

    record ReviewFigures(
            int reviews, @Nullable Double averageScore, int unacknowledged, Map<String, Double> byCriterion) {}
}
