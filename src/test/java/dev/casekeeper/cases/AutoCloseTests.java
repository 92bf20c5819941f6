package dev.casekeeper.cases;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Solved cases close by themselves after their team's days (or the default 4) without a customer reply. */
@MovesTime
class AutoCloseTests extends ApiTestBase {

    @Autowired
    AutoClose autoClose;

    @Test
    void solvedCasesCloseAfterTheirTeamsDaysWithoutACustomerReply() {
        var quick = newTeam();
        var usual = newTeam();
        var never = newTeam();
        var agent = newAgent("agent", quick, usual, never);
        assertThat(setDays(quick, 2).status()).isEqualTo(200);
        assertThat(setDays(never, 0).status()).isEqualTo(200);
        var quickCase = solved(agent.api(), quick);
        var usualCase = solved(agent.api(), usual);
        var neverCase = solved(agent.api(), never);
        var answered = solved(agent.api(), usual);

        TestClock.INSTANCE.advance(Duration.ofDays(3));
        var reply = agent.api().post("/api/v1/cases/" + answered + "/messages", Map.of("body", "It broke again."));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        autoClose.closeDue();

        assertThat(status(agent.api(), quickCase)).isEqualTo("closed");
        assertThat(status(agent.api(), usualCase)).isEqualTo("solved");

        TestClock.INSTANCE.advance(Duration.ofDays(2));
        autoClose.closeDue();

        assertThat(status(agent.api(), usualCase)).isEqualTo("closed");
        assertThat(status(agent.api(), neverCase)).isEqualTo("solved");
        assertThat(status(agent.api(), answered)).isEqualTo("open");
        var history = agent.api().get("/api/v1/cases/" + quickCase + "/history").json();
        assertThat(history.valueStream()
                        .filter(c -> "closed".equals(c.get("after").asString(""))
                                && "system".equals(c.get("actorKind").asString(""))))
                .hasSize(1);
    }

    @Test
    void aTeamsDaysAreSetAndResetByAdminsOnly() {
        var team = newTeam();

        assertThat(setDays(team, 7)
                        .json()
                        .get("teams")
                        .valueStream()
                        .filter(t -> t.get("teamId").asString().equals(team.toString()))
                        .map(t -> t.get("days").asInt()))
                .containsExactly(7);
        assertProblem(setDays(team, 400), 400, "invalid-input");
        assertProblem(setDays(team, -1), 400, "invalid-input");
        assertProblem(setDays(UUID.randomUUID(), 3), 404, "not-found");
        assertProblem(
                newAgent("supervisor").api().send("PUT", "/api/v1/auto-close/teams/" + team, Map.of("days", 1)),
                403,
                "forbidden");
        var body = new HashMap<String, Object>();
        body.put("days", null);
        var reset = admin().send("PUT", "/api/v1/auto-close/teams/" + team, body);
        assertThat(reset.json()
                        .get("teams")
                        .valueStream()
                        .map(t -> t.get("teamId").asString()))
                .doesNotContain(team.toString());
        assertThat(reset.json().get("defaultDays").asInt()).isEqualTo(4);
    }

    private Api.Response setDays(UUID team, int days) {
        return admin().send("PUT", "/api/v1/auto-close/teams/" + team, Map.of("days", days));
    }

    private UUID solved(Api api, UUID team) {
        var id = openCase(api, team, "Printer offline");
        var solved = api.patch("/api/v1/cases/" + id, Map.of("status", "solved"));
        assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
        return id;
    }

    private static String status(Api api, UUID id) {
        return api.get("/api/v1/cases/" + id).json().get("status").asString();
    }
}
