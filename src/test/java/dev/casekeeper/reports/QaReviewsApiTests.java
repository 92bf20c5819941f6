package dev.casekeeper.reports;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.ChangeCase;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Quality reviews through the API: a supervisor reviews a case of their team against the rubric of
 * seeds 003 and 004, the agent sees and acknowledges it, nobody else sees it; bad reviews are
 * refused naming every field and store nothing; the week's sample; the scorecard.
 */
class QaReviewsApiTests extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AgentManagement agents;

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseLookup lookup;

    @Test
    void theDefaultRubricIsTheThreeKeysAndTheClosing() {
        var rubric = newAgent("agent").api().get("/api/v1/qa/rubric");

        assertThat(rubric.status()).as(rubric.toString()).isEqualTo(200);
        assertThat(rubric.json().valueStream().map(c -> c.get("key").asString()))
                .containsExactly("never_personal", "active_listening", "own_the_problem", "closing");
        assertThat(rubric.json()
                        .valueStream()
                        .mapToInt(c -> c.get("weight").asInt())
                        .sum())
                .isEqualTo(100);
    }

    @Test
    void aSupervisorReviewsATeamCaseAndOnlyTheAgentAcknowledgesIt() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);
        var agent = newAgent("agent", team);
        var colleague = newAgent("agent", team);
        var stranger = newAgent("supervisor", newTeam());
        var kase = ownedCase(team, agent.id(), "Technician three hours late");
        UUID message = customerMessage(kase);

        var created = supervisor
                .api()
                .post(
                        "/api/v1/qa/reviews",
                        Map.of(
                                "caseId",
                                kase,
                                "scores",
                                Map.of(
                                        "never_personal", 5,
                                        "active_listening", 4,
                                        "own_the_problem", 3,
                                        "closing", 1),
                                "summary",
                                "Calm and kind; no next steps and no farewell at the end.",
                                "comments",
                                List.of(Map.of("entryId", message, "text", "Acknowledge the lost morning first."))));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        // (25 × 100 + 25 × 75 + 30 × 50 + 20 × 0) / 100: each score 1..5 is 0..100 %.
        assertThat(created.json().get("score").asDouble()).isEqualTo(58.8);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("agentId").asString())
                .isEqualTo(agent.id().toString());

        var mine = agent.api().get("/api/v1/qa/reviews");
        assertThat(mine.json().valueStream().map(r -> r.get("id").asString())).containsExactly(id);
        assertThat(agent.api()
                        .get("/api/v1/qa/reviews/" + id)
                        .json()
                        .get("comments")
                        .get(0)
                        .get("text")
                        .asString())
                .isEqualTo("Acknowledge the lost morning first.");
        assertThat(colleague.api().get("/api/v1/qa/reviews").json().valueStream())
                .isEmpty();
        assertProblem(colleague.api().get("/api/v1/qa/reviews/" + id), 404, "not-found");
        assertProblem(colleague.api().get("/api/v1/qa/reviews?agent=" + agent.id()), 403, "forbidden");
        assertProblem(stranger.api().get("/api/v1/qa/reviews/" + id), 404, "not-found");
        assertProblem(stranger.api().get("/api/v1/qa/reviews?team=" + team), 403, "forbidden");
        assertThat(supervisor
                        .api()
                        .get("/api/v1/qa/reviews?team=" + team)
                        .json()
                        .valueStream()
                        .map(r -> r.get("id").asString()))
                .containsExactly(id);

        assertProblem(
                supervisor.api().post("/api/v1/qa/reviews/" + id + "/acknowledgement", Map.of()), 403, "forbidden");
        var acknowledged = agent.api()
                .post("/api/v1/qa/reviews/" + id + "/acknowledgement", Map.of("note", "Will close with next steps."));
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        assertThat(acknowledged.json().get("acknowledgedAt").isNull()).isFalse();
        assertThat(acknowledged.json().get("acknowledgement").asString()).isEqualTo("Will close with next steps.");

        var card = agent.api().get("/api/v1/qa/scorecards").json().get(0);
        assertThat(card.get("reviews").asInt()).isEqualTo(1);
        assertThat(card.get("averageScore").asDouble()).isEqualTo(58.8);
        assertThat(card.get("unacknowledged").asInt()).isZero();
        assertThat(card.get("byCriterion").get("Closing").asDouble()).isEqualTo(1.0);
        assertProblem(colleague.api().get("/api/v1/qa/scorecards?agent=" + agent.id()), 403, "forbidden");
        assertThat(supervisor
                        .api()
                        .get("/api/v1/qa/scorecards?team=" + team)
                        .json()
                        .valueStream()
                        .map(c -> c.get("agentId").asString()))
                .contains(agent.id().toString(), colleague.id().toString());
        assertProblem(stranger.api().get("/api/v1/qa/scorecards?team=" + team), 403, "forbidden");
    }

    @Test
    void aBadReviewIsRefusedNamingEveryFieldAndNothingIsStored() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);
        var agent = newAgent("agent", team);
        var kase = ownedCase(team, agent.id(), "Order shipped wrong");

        assertProblem(agent.api().post("/api/v1/qa/reviews", Map.of("caseId", kase, "summary", "x")), 403, "forbidden");
        var refused = supervisor
                .api()
                .post(
                        "/api/v1/qa/reviews",
                        Map.of(
                                "caseId",
                                kase,
                                "scores",
                                Map.of("never_personal", 6, "punctuality", 3),
                                "comments",
                                List.of(Map.of("entryId", UUID.randomUUID(), "text", "?"))));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused))
                .containsExactlyInAnyOrder(
                        "scores.never_personal",
                        "scores.active_listening",
                        "scores.own_the_problem",
                        "scores.closing",
                        "scores.punctuality",
                        "summary",
                        "comments[0].entryId");
        assertThat(reviewsOf(kase)).isZero();

        var unowned = openCase(supervisor.api(), team, "Nobody owns this yet");
        assertProblem(supervisor.api().post("/api/v1/qa/reviews", fullReview(unowned)), 409, "no-owner");
        var own = ownedCase(team, supervisor.id(), "The supervisor's own case");
        assertProblem(supervisor.api().post("/api/v1/qa/reviews", fullReview(own)), 409, "own-case");
        assertThat(reviewsOf(kase) + reviewsOf(unowned) + reviewsOf(own)).isZero();
    }

    @Test
    void twoOfEachAgentsSolvedCasesOfTheWeekAreOfferedForReviewUntilReviewed() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);
        var agent = newAgent("agent", team);
        var by = agents.signedIn(new AgentId(agent.id())).orElseThrow();
        var solved = List.of(
                ownedCase(team, agent.id(), "Refund for the socks"),
                ownedCase(team, agent.id(), "Exchange the blue socks"),
                ownedCase(team, agent.id(), "Return label missing"));
        for (var kase : solved) {
            cases.change(new CaseId(kase), new ChangeCase(CaseStatus.SOLVED, null, null), by);
        }
        ownedCase(team, agent.id(), "Still open, not offered");

        var offered = sampleOf(supervisor, team);
        assertThat(offered).hasSize(QaReviews.SAMPLE_PER_AGENT).allMatch(solvedNumbers(solved)::contains);
        assertThat(sampleOf(supervisor, team)).isEqualTo(offered);

        var first = offered.getFirst();
        var reviewed = solved.stream()
                .filter(id -> lookup.summary(new CaseId(id)).number() == first)
                .findFirst()
                .orElseThrow();
        assertThat(supervisor
                        .api()
                        .post("/api/v1/qa/reviews", fullReview(reviewed))
                        .status())
                .isEqualTo(201);
        assertThat(sampleOf(supervisor, team)).hasSize(2).doesNotContain(first);
        assertProblem(agent.api().get("/api/v1/qa/sample?team=" + team), 403, "forbidden");
        assertProblem(newAgent("supervisor", newTeam()).api().get("/api/v1/qa/sample?team=" + team), 403, "forbidden");
    }

    @Test
    void onlyAnAdminChangesTheRubricAndOldReviewsKeepTheirLabels() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);
        var agent = newAgent("agent", team);
        var kase = ownedCase(team, agent.id(), "Activation key gone");
        String id = supervisor
                .api()
                .post("/api/v1/qa/reviews", fullReview(kase))
                .json()
                .get("id")
                .asString();
        var before = admin().get("/api/v1/qa/rubric").json();
        var changed = Map.of(
                "criteria",
                List.of(
                        Map.of("key", "never_personal", "label", "Stays calm", "description", "", "weight", 50),
                        Map.of("key", "own_the_problem", "label", "Owns it", "description", "", "weight", 50)));

        assertProblem(supervisor.api().send("PUT", "/api/v1/qa/rubric", changed), 403, "forbidden");
        assertThat(fieldsNamed(admin().send(
                                "PUT",
                                "/api/v1/qa/rubric",
                                Map.of("criteria", List.of(Map.of("key", "Bad Key", "label", "", "weight", 0))))))
                .containsExactlyInAnyOrder("criteria[0].key", "criteria[0].label", "criteria[0].weight");
        try {
            var replaced = admin().send("PUT", "/api/v1/qa/rubric", changed);
            assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
            assertThat(agent.api()
                            .get("/api/v1/qa/rubric")
                            .json()
                            .valueStream()
                            .map(c -> c.get("label").asString()))
                    .containsExactly("Stays calm", "Owns it");
            assertThat(agent.api()
                            .get("/api/v1/qa/reviews/" + id)
                            .json()
                            .get("scores")
                            .valueStream()
                            .map(s -> s.get("label").asString()))
                    .containsExactly("Never take it personally", "Active listening", "Own the problem", "Closing");
        } finally {
            assertThat(admin().send("PUT", "/api/v1/qa/rubric", Map.of("criteria", before))
                            .status())
                    .isEqualTo(200);
        }
    }

    private UUID ownedCase(UUID team, UUID owner, String subject) {
        var kase = openCase(admin(), team, subject);
        var admin = agents.signedIn(agents.list().stream()
                        .filter(a -> a.role() == dev.casekeeper.agents.Role.ADMIN)
                        .findFirst()
                        .orElseThrow()
                        .id())
                .orElseThrow();
        cases.assign(new CaseId(kase), new AgentId(owner), admin);
        return kase;
    }

    private UUID customerMessage(UUID kase) {
        return lookup.detail(new CaseId(kase)).timeline().stream()
                .filter(e -> e.kind() == EntryKind.MESSAGE_IN)
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static Map<String, Object> fullReview(UUID kase) {
        return Map.of(
                "caseId",
                kase,
                "scores",
                Map.of("never_personal", 4, "active_listening", 4, "own_the_problem", 4, "closing", 4),
                "summary",
                "Good work.");
    }

    private List<Long> sampleOf(Caller supervisor, UUID team) {
        var sample = supervisor.api().get("/api/v1/qa/sample?team=" + team);
        assertThat(sample.status()).as(sample.toString()).isEqualTo(200);
        return sample.json().valueStream().map(s -> s.get("number").asLong()).toList();
    }

    private List<Long> solvedNumbers(List<UUID> ids) {
        return ids.stream().map(id -> lookup.summary(new CaseId(id)).number()).toList();
    }

    private long reviewsOf(UUID kase) {
        return jdbc.sql("select count(*) from reports.qa_review where case_id = :id")
                .param("id", kase)
                .query(Long.class)
                .single();
    }
}
