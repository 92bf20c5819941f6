package dev.casekeeper.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A merge of two records of one customer moves her feedback (ratings, compliments, complaints) with
 * her cases to the record that remains, in the merge's transaction; an undo moves it back. They
 * stayed with the record merged away, which no longer stands for anyone.
 */
class FeedbackCustomerMergeTests extends ApiTestBase {

    @Autowired
    FeedbackManagement feedback;

    @Autowired
    CaseLookup lookup;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMergeMovesTheCustomersFeedbackToTheRecordThatRemainsAndAnUndoMovesItBack() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var rated = new CaseId(openCase(agent.api(), team, "Chat: parcel late"));
        var other = new CaseId(openCase(agent.api(), team, "Parcel late"));
        agent.api().post("/api/v1/cases/" + rated + "/assignment", Map.of("ownerId", agent.id()));
        agent.api().patch("/api/v1/cases/" + rated, Map.of("status", "solved"));
        var kase = lookup.summary(rated);
        CustomerId source = kase.requesterId();
        CustomerId target = lookup.summary(other).requesterId();
        feedback.rate(rated, kase.solvedAt(), source, Score.GOOD, "Quick.", RatingSource.PORTAL);
        feedback.compliment(rated, source, "Kind and quick, thank you.");
        feedback.complain(rated, source, "About the courier", "The courier was rude.");
        var proposed = agent.api()
                .post("/api/v1/customer-merges", Map.of("sourceId", source.value(), "targetId", target.value()));
        var merge = proposed.json().get("id").asString();

        var confirmed = supervisor
                .api()
                .post("/api/v1/customer-merges/" + merge + "/confirmation", Map.of("reason", "Same order"));

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(feedbackOf(rated)).containsExactly(target.value(), target.value(), target.value());

        var undone =
                supervisor.api().post("/api/v1/customer-merges/" + merge + "/undo", Map.of("reason", "Two people"));

        assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
        assertThat(feedbackOf(rated)).containsExactly(source.value(), source.value(), source.value());
    }

    /** Whose the case's rating, compliment and complaint are, in that order. */
    private List<UUID> feedbackOf(CaseId kase) {
        return jdbc.sql("""
                        select customer_id from feedback.rating where case_id = :case
                        union all select customer_id from feedback.compliment where case_id = :case
                        union all select customer_id from feedback.complaint where case_id = :case
                        """).param("case", kase.value()).query(UUID.class).list();
    }
}
