package dev.casekeeper.cases.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One change to many cases: each recorded on its own case, each refusal reported for its case. */
class BulkApiTests extends CasesApiTestBase {

    @Test
    void solvesTheCasesItMayAndReportsEachRefusalWithoutChangingThoseCases() {
        var team = newTeam();
        var other = newTeam();
        var agent = newAgent("agent", team);
        var stranger = newAgent("agent", other);
        String open = idOf(open(agent.api(), aCase().team(team)));
        String closed = idOf(open(agent.api(), aCase().team(team)));
        bringTo(agent.api(), closed, "closed");
        String hidden = idOf(open(stranger.api(), aCase().team(other)));
        String unknown = UUID.randomUUID().toString();
        var hiddenBefore = read(admin(), hidden);

        var response = agent.api()
                .post(
                        "/api/v1/cases/bulk",
                        Map.of(
                                "action",
                                "status",
                                "status",
                                "solved",
                                "caseIds",
                                List.of(open, closed, hidden, unknown)));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("changed").asInt()).isEqualTo(1);
        assertThat(response.json().get("refused").asInt()).isEqualTo(3);
        assertThat(result(response.json(), open).get("changed").asBoolean()).isTrue();
        assertThat(result(response.json(), closed).get("code").asString()).isEqualTo("case-closed");
        assertThat(result(response.json(), hidden).get("code").asString()).isEqualTo("not-found");
        assertThat(result(response.json(), unknown).get("code").asString()).isEqualTo("not-found");
        assertThat(read(agent.api(), open).get("status").asString()).isEqualTo("solved");
        assertThat(history(agent.api(), open))
                .anySatisfy(c -> assertThat(c.get("after").asString("")).isEqualTo("solved"));
        assertThat(read(admin(), hidden)).isEqualTo(hiddenBefore);
    }

    @Test
    void addsAndRemovesTagsAndSetsPriorityAndAssignsCaseByCase() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var colleague = newAgent("agent", team);
        String first = idOf(open(agent.api(), aCase().team(team).tags("billing")));
        String second = idOf(open(agent.api(), aCase().team(team)));
        agent.api().post("/api/v1/cases/" + second + "/assignment", Map.of("ownerId", agent.id()));
        var both = List.of(first, second);

        bulk(agent, Map.of("action", "add_tags", "tags", List.of("Refund", "vip"), "caseIds", both));
        bulk(agent, Map.of("action", "remove_tags", "tags", List.of("billing"), "caseIds", both));
        bulk(agent, Map.of("action", "priority", "priority", "high", "caseIds", both));
        var assigned = bulk(agent, Map.of("action", "assign", "ownerId", colleague.id(), "caseIds", both));

        assertThat(read(agent.api(), first).get("tags").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("refund", "vip");
        assertThat(read(agent.api(), second).get("priority").asString()).isEqualTo("high");
        assertThat(result(assigned, first).get("changed").asBoolean()).isTrue();
        assertThat(result(assigned, second).get("code").asString()).isEqualTo("case-owned");
        assertThat(read(agent.api(), first).get("ownerId").asString())
                .isEqualTo(colleague.id().toString());
    }

    @Test
    void mergesTheSelectedCasesIntoOneAndMarksSpam() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        String keep = idOf(open(agent.api(), aCase().team(team).saying("First.")));
        String dup1 = idOf(open(agent.api(), aCase().team(team).saying("Second.")));
        String dup2 = idOf(open(agent.api(), aCase().team(team).saying("Third.")));
        String junk = idOf(open(agent.api(), aCase().team(team)));

        var merged = bulk(agent, Map.of("action", "merge", "targetId", keep, "caseIds", List.of(keep, dup1, dup2)));
        var spam = bulk(agent, Map.of("action", "spam", "caseIds", List.of(junk)));

        assertThat(merged.get("changed").asInt()).isEqualTo(3);
        assertThat(CaseMergeApiTests.bodies(read(agent.api(), keep))).contains("First.", "Second.", "Third.");
        assertThat(spam.get("changed").asInt()).isEqualTo(1);
        assertThat(read(agent.api(), junk).get("status").asString()).isEqualTo("closed");
    }

    @Test
    void refusesABulkChangeThatLacksWhatItNeedsOrNamesTooManyCasesAndChangesNothing() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));
        var before = read(admin(), id);
        var tooMany = IntStream.range(0, 501)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();

        assertProblem(
                agent.api().post("/api/v1/cases/bulk", Map.of("action", "status", "caseIds", List.of(id))),
                400,
                "invalid-input");
        assertProblem(
                agent.api().post("/api/v1/cases/bulk", Map.of("action", "explode", "caseIds", List.of(id))),
                400,
                "invalid-input");
        assertProblem(
                agent.api().post("/api/v1/cases/bulk", Map.of("action", "spam", "caseIds", tooMany)),
                400,
                "invalid-input");
        assertProblem(
                agent.api().post("/api/v1/cases/bulk", Map.of("action", "spam", "caseIds", List.of())),
                400,
                "invalid-input");
        assertProblem(
                agent.api()
                        .post(
                                "/api/v1/cases/bulk",
                                Map.of(
                                        "action",
                                        "add_tags",
                                        "tags",
                                        List.of("no spaces allowed"),
                                        "caseIds",
                                        List.of(id))),
                400,
                "invalid-input");
        assertThat(read(admin(), id)).isEqualTo(before);
    }

    private static JsonNode bulk(Caller agent, Map<String, ?> body) {
        var response = agent.api().post("/api/v1/cases/bulk", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode result(JsonNode response, String caseId) {
        return response.get("results")
                .valueStream()
                .filter(r -> r.get("caseId").asString().equals(caseId))
                .findFirst()
                .orElseThrow();
    }
}
