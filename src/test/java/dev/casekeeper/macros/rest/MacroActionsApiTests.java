package dev.casekeeper.macros.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Canned responses that act: besides their text, applying one sets the case's status, tags and
 * owner, as the agent's own change; its preview lists what it will change before it is applied.
 */
class MacroActionsApiTests extends ApiTestBase {

    @Test
    void aMacroThatActsIsPreviewedThenChangesStatusTagsAndOwner() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var macro = admin().post(
                        "/api/v1/macros",
                        Map.of(
                                "name",
                                "Waiting for the receipt " + UUID.randomUUID(),
                                "body",
                                "Hi {{customer.name}}, could you send us the receipt?",
                                "actions",
                                Map.of(
                                        "status",
                                        "pending",
                                        "addTags",
                                        List.of("Receipt-Needed"),
                                        "removeTags",
                                        List.of("license"),
                                        "owner",
                                        "me")));
        assertThat(macro.status()).as(macro.toString()).isEqualTo(201);
        String id = macro.json().get("id").asString();
        assertThat(macro.json().get("actions").get("addTags").get(0).asString()).isEqualTo("receipt-needed");
        var kase = openCase(agent.api(), team, "Refund for a broken kettle");
        agent.api().send("PATCH", "/api/v1/cases/" + kase, Map.of("tags", List.of("license", "kitchen")));

        var preview = agent.api().post("/api/v1/macros/" + id + "/render", Map.of("caseId", kase));

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(changes(preview.json()))
                .containsExactly(
                        "status: new -> pending",
                        "tags: license, kitchen -> kitchen, receipt-needed",
                        "owner: null -> " + agentName(agent));
        assertThat(agent.api().get("/api/v1/cases/" + kase).json().get("status").asString())
                .isEqualTo("new");

        var applied = agent.api().post("/api/v1/macros/" + id + "/application", Map.of("caseId", kase));

        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().get("text").asString()).startsWith("Hi Maria Lopez");
        var after = agent.api().get("/api/v1/cases/" + kase).json();
        assertThat(after.get("status").asString()).isEqualTo("pending");
        assertThat(after.get("tags").valueStream().map(JsonNode::asString))
                .containsExactly("kitchen", "receipt-needed");
        assertThat(after.get("ownerId").asString()).isEqualTo(agent.id().toString());
        var history = agent.api().get("/api/v1/cases/" + kase + "/history").json();
        assertThat(history.valueStream()
                        .filter(c -> "status".equals(c.get("field").asString()))
                        .map(c -> c.get("actorKind").asString()))
                .containsExactly("agent");
        var again = agent.api().post("/api/v1/macros/" + id + "/render", Map.of("caseId", kase));
        assertThat(changes(again.json())).isEmpty();
    }

    @Test
    void aMacroWithBadActionsIsRefusedAndAClosedCaseTakesNone() {
        var refused = admin().post(
                        "/api/v1/macros",
                        Map.of(
                                "name",
                                "Bad actions " + UUID.randomUUID(),
                                "body",
                                "Hello",
                                "actions",
                                Map.of(
                                        "status",
                                        "sleeping",
                                        "owner",
                                        UUID.randomUUID().toString())));
        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).contains("actions.status", "actions.owner");

        var team = newTeam();
        var agent = newAgent("agent", team);
        var solve = admin().post(
                        "/api/v1/macros",
                        Map.of(
                                "name",
                                "Solve " + UUID.randomUUID(),
                                "body",
                                "Glad we could help.",
                                "actions",
                                Map.of("status", "solved", "addTags", List.of("done"))))
                .json()
                .get("id")
                .asString();
        var kase = openCase(agent.api(), team, "Thanks, all good now");
        agent.api().send("PATCH", "/api/v1/cases/" + kase, Map.of("status", "solved"));
        agent.api().send("PATCH", "/api/v1/cases/" + kase, Map.of("status", "closed"));

        var applied = agent.api().post("/api/v1/macros/" + solve + "/application", Map.of("caseId", kase));

        assertProblem(applied, 409, "case-closed");
        assertThat(agent.api()
                        .get("/api/v1/cases/" + kase)
                        .json()
                        .get("tags")
                        .valueStream()
                        .map(JsonNode::asString))
                .doesNotContain("done");
    }

    private String agentName(Caller agent) {
        return admin().get("/api/v1/agents/" + agent.id()).json().get("name").asString();
    }

    private static List<String> changes(JsonNode rendered) {
        return rendered.get("changes")
                .valueStream()
                .map(c -> c.get("field").asString() + ": " + c.path("from").asString("null") + " -> "
                        + c.path("to").asString("null"))
                .toList();
    }
}
