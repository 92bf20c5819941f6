package dev.casekeeper.views;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Saved views through the API: built from filters with custom fields, counted, private or shared. */
class SavedViewsApiTests extends ApiTestBase {

    @Test
    void aViewFilteredByACustomFieldListsAndCountsOnlyItsCases() {
        var team = newTeam();
        var agent = newAgent("agent", team).api();
        String plan = plan(team);
        var gold = open(agent, team, "Gold", "high");
        open(agent, team, "Gold", "low");
        open(agent, team, "Basic", "high");

        var view = create(
                agent,
                Map.of(
                        "name",
                        "Gold, high",
                        "filters",
                        Map.of(
                                "teamId",
                                team,
                                "priorities",
                                List.of("high", "urgent"),
                                "fields",
                                Map.of(plan, "Gold"),
                                "sort",
                                "created")));

        var cases = agent.get("/api/v1/saved-views/" + view + "/cases");
        assertThat(cases.status()).as(cases.toString()).isEqualTo(200);
        assertThat(ids(cases.json())).containsExactly(gold);
        assertThat(cases.json().get("total").asLong()).isEqualTo(1);
        assertThat(countOf(agent, view)).isEqualTo(1);
    }

    @Test
    void aPersonalViewIsItsOwnersAlone() {
        var team = newTeam();
        var owner = newAgent("agent", team).api();
        var colleague = newAgent("agent", team).api();
        var view = create(owner, Map.of("name", "Mine", "filters", Map.of("owner", "me")));

        assertProblem(colleague.get("/api/v1/saved-views/" + view), 404, "not-found");
        assertProblem(colleague.get("/api/v1/saved-views/" + view + "/cases"), 404, "not-found");
        assertProblem(colleague.delete("/api/v1/saved-views/" + view), 404, "not-found");
        assertThat(viewIds(colleague)).doesNotContain(view);
        assertThat(viewIds(owner)).contains(view);
    }

    @Test
    void sharingWithATeamTakesASupervisorAndReachesOnlyThatTeam() {
        var team = newTeam();
        var member = newAgent("agent", team).api();
        var outsider = newAgent("agent", newTeam()).api();
        var supervisor = newAgent("supervisor", team).api();
        var body = Map.of("name", "Team queue", "teamId", team, "filters", Map.of("owner", "unowned"));

        assertProblem(member.post("/api/v1/saved-views", body), 403, "forbidden");
        var shared = create(supervisor, body);

        assertThat(viewIds(member)).contains(shared);
        assertThat(viewIds(outsider)).doesNotContain(shared);
        assertProblem(member.delete("/api/v1/saved-views/" + shared), 403, "forbidden");
        assertThat(supervisor.delete("/api/v1/saved-views/" + shared).status()).isEqualTo(204);
    }

    @Test
    void filtersThatNameNothingAreRefused() {
        var agent = newAgent("agent").api();
        for (var filters : List.<Map<String, Object>>of(
                Map.of("statuses", List.of("lost")),
                Map.of(
                        "fields",
                        Map.of("no_such_field_" + UUID.randomUUID().toString().substring(0, 6), "x")),
                Map.of("sort", "colour"),
                Map.of("owner", "somebody"))) {
            assertProblem(
                    agent.post("/api/v1/saved-views", Map.of("name", "Bad", "filters", filters)), 400, "invalid-input");
        }
        assertThat(viewIds(agent)).isEmpty();
    }

    private String plan(UUID team) {
        String key = "plan_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        var created = admin().post(
                        "/api/v1/fields",
                        Map.of(
                                "name",
                                "Plan",
                                "apiKey",
                                key,
                                "type",
                                "dropdown",
                                "options",
                                List.of("Basic", "Gold"),
                                "teamId",
                                team));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return key;
    }

    private String open(Api as, UUID team, String plan, String priority) {
        String key = fieldKey(as, team);
        var created = as.post(
                "/api/v1/cases",
                Map.of(
                        "subject",
                        "Renewal " + UUID.randomUUID(),
                        "teamId",
                        team,
                        "priority",
                        priority,
                        "requester",
                        Map.of("email", "customer-" + UUID.randomUUID() + "@example.com"),
                        "message",
                        Map.of("body", "Our renewal failed."),
                        "customFields",
                        Map.of(key, plan)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String fieldKey(Api as, UUID team) {
        for (var field : as.get("/api/v1/fields").json()) {
            if (team.toString().equals(field.get("teamId").asString())) {
                return field.get("apiKey").asString();
            }
        }
        throw new AssertionError("no field of team " + team);
    }

    private static String create(Api as, Map<String, Object> body) {
        var created = as.post("/api/v1/saved-views", new HashMap<>(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static long countOf(Api as, String view) {
        for (var counted : as.get("/api/v1/saved-views").json()) {
            if (counted.get("view").get("id").asString().equals(view)) {
                return counted.get("count").asLong();
            }
        }
        throw new AssertionError("no view " + view);
    }

    private static List<String> viewIds(Api as) {
        var ids = new ArrayList<String>();
        as.get("/api/v1/saved-views")
                .json()
                .forEach(v -> ids.add(v.get("view").get("id").asString()));
        return ids;
    }

    private static List<String> ids(JsonNode page) {
        var ids = new ArrayList<String>();
        page.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }
}
