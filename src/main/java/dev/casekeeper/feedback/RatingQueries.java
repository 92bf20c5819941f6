package dev.casekeeper.feedback;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.customers.CustomerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ratings, one per case per solve. */
@Component
class RatingQueries {

    private final JdbcClient jdbc;

    RatingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rating of one solve, locked for a change. */
    Optional<Rating> lock(UUID caseId, Instant solvedAt, Duration changePeriod) {
        return jdbc.sql("select * from feedback.rating where case_id = :case and solved_at = :solved for update")
                .param("case", caseId)
                .param("solved", Timestamp.from(solvedAt))
                .query((rs, n) -> rating(rs, changePeriod))
                .optional();
    }

    Optional<Rating> find(UUID caseId, Instant solvedAt, Duration changePeriod) {
        return jdbc.sql("select * from feedback.rating where case_id = :case and solved_at = :solved")
                .param("case", caseId)
                .param("solved", Timestamp.from(solvedAt))
                .query((rs, n) -> rating(rs, changePeriod))
                .optional();
    }

    /** Every rating of the case, newest solve first. */
    List<Rating> ofCase(UUID caseId, Duration changePeriod) {
        return jdbc.sql("select * from feedback.rating where case_id = :case order by solved_at desc")
                .param("case", caseId)
                .query((rs, n) -> rating(rs, changePeriod))
                .list();
    }

    /** False when another request rated the same solve first (the caller reads it and changes it). */
    boolean insert(Rating rating) {
        return jdbc.sql("""
                        insert into feedback.rating
                            (id, case_id, case_number, solved_at, customer_id, owner_id, team_id, score, comment,
                             source, created_at, updated_at)
                        values (:id, :case, :number, :solved, :customer, :owner, :team, :score, :comment,
                                :source, :at, :at)
                        on conflict (case_id, solved_at) do nothing""")
                        .param("id", rating.id())
                        .param("case", rating.caseId().value())
                        .param("number", rating.caseNumber())
                        .param("solved", Timestamp.from(rating.solvedAt()))
                        .param("customer", rating.customerId().value())
                        .param(
                                "owner",
                                rating.ownerId() == null
                                        ? null
                                        : rating.ownerId().value())
                        .param(
                                "team",
                                rating.teamId() == null ? null : rating.teamId().value())
                        .param("score", rating.score().value())
                        .param("comment", rating.comment())
                        .param("source", rating.source().value())
                        .param("at", Timestamp.from(rating.createdAt()))
                        .update()
                > 0;
    }

    void change(UUID id, Score score, @Nullable String comment, RatingSource source, Instant at) {
        jdbc.sql("""
                        update feedback.rating set score = :score, comment = :comment, source = :source, updated_at = :at
                        where id = :id""")
                .param("id", id)
                .param("score", score.value())
                .param("comment", comment)
                .param("source", source.value())
                .param("at", Timestamp.from(at))
                .update();
    }

    private static Rating rating(ResultSet rs, Duration changePeriod) throws SQLException {
        Instant created = rs.getTimestamp("created_at").toInstant();
        return new Rating(
                rs.getObject("id", UUID.class),
                new CaseId(rs.getObject("case_id", UUID.class)),
                rs.getLong("case_number"),
                rs.getTimestamp("solved_at").toInstant(),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                id(rs, "owner_id", AgentId::new),
                id(rs, "team_id", TeamId::new),
                Score.from(rs.getString("score")),
                rs.getString("comment"),
                RatingSource.from(rs.getString("source")),
                created,
                rs.getTimestamp("updated_at").toInstant(),
                created.plus(changePeriod));
    }

    static <T> @Nullable T id(ResultSet rs, String column, java.util.function.Function<UUID, T> of)
            throws SQLException {
        var value = rs.getObject(column, UUID.class);
        return value == null ? null : of.apply(value);
    }
}
