package dev.casekeeper.agents.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.Concurrently;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TeamsApiTests extends ApiTestBase {

    @Test
    void adminCreatesATeam() {
        String name = "Returns desk " + UUID.randomUUID();

        var created = admin().post("/api/v1/teams", Map.of("name", "  " + name + " "));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).endsWith("/api/v1/teams/" + id);
        assertThat(created.json().get("name").asString()).isEqualTo(name);
        assertThat(created.json().get("memberIds").size()).isZero();
        assertThat(admin().get("/api/v1/teams/" + id).json().get("name").asString())
                .isEqualTo(name);
        assertThat(admin().get("/api/v1/teams")
                        .json()
                        .valueStream()
                        .map(t -> t.get("id").asString()))
                .contains(id);
    }

    @Test
    void refusesASecondTeamWithTheSameNameInAnyCase() {
        String name = "Billing " + UUID.randomUUID();
        assertThat(admin().post("/api/v1/teams", Map.of("name", name)).status()).isEqualTo(201);

        var refused = admin().post("/api/v1/teams", Map.of("name", name.toUpperCase()));

        assertProblem(refused, 409, "team-name-taken");
        assertThat(admin().get("/api/v1/teams")
                        .json()
                        .valueStream()
                        .filter(t -> t.get("name").asString().equalsIgnoreCase(name)))
                .hasSize(1);
    }

    @Test
    void createsOneTeamWhenTheSameNameArrivesAtOnce() throws Exception {
        String name = "Counter " + UUID.randomUUID();
        var admin = admin();

        var responses = Concurrently.run(4, () -> admin.post("/api/v1/teams", Map.of("name", name)));

        assertThat(responses)
                .extracting(Api.Response::status)
                .containsOnlyOnce(201)
                .containsOnly(201, 409);
        assertThat(admin.get("/api/v1/teams")
                        .json()
                        .valueStream()
                        .filter(t -> t.get("name").asString().equals(name)))
                .hasSize(1);
    }

    @Test
    void refusesATeamWithoutANameNamingTheField() {
        var refused = admin().post("/api/v1/teams", Map.of("name", " "));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("name");
    }

    @Test
    void addsAndRemovesAMember() {
        UUID team = newTeam();
        var agent = newAgent("agent");

        var added = admin().post("/api/v1/teams/" + team + "/members", Map.of("agentId", agent.id()));

        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(strings(added.json().get("memberIds")))
                .containsExactly(agent.id().toString());
        assertThat(strings(agent.api().get("/api/v1/agents/me").json().get("teamIds")))
                .containsExactly(team.toString());

        var removed = admin().delete("/api/v1/teams/" + team + "/members/" + agent.id());

        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().get("memberIds").size()).isZero();
        assertThat(agent.api().get("/api/v1/agents/me").json().get("teamIds").size())
                .isZero();
    }

    @Test
    void addingAMemberTwiceKeepsOneMembership() {
        UUID team = newTeam();
        var agent = newAgent("agent", team);

        var again = admin().post("/api/v1/teams/" + team + "/members", Map.of("agentId", agent.id()));

        assertThat(again.status()).isEqualTo(200);
        assertThat(strings(again.json().get("memberIds")))
                .containsExactly(agent.id().toString());
    }

    @Test
    void refusesUnknownTeamsAndAgents() {
        UUID team = newTeam();
        var agent = newAgent("agent");
        UUID unknown = UUID.randomUUID();

        assertProblem(admin().get("/api/v1/teams/" + unknown), 404, "not-found");
        assertProblem(
                admin().post("/api/v1/teams/" + unknown + "/members", Map.of("agentId", agent.id())), 404, "not-found");
        assertProblem(admin().post("/api/v1/teams/" + team + "/members", Map.of("agentId", unknown)), 404, "not-found");
        assertProblem(admin().delete("/api/v1/teams/" + unknown + "/members/" + agent.id()), 404, "not-found");
        assertThat(admin().get("/api/v1/teams/" + team).json().get("memberIds").size())
                .isZero();
    }

    @Test
    void refusesAMemberWithoutAnAgentIdNamingTheField() {
        var refused = admin().post("/api/v1/teams/" + newTeam() + "/members", Map.of());

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("agentId");
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
