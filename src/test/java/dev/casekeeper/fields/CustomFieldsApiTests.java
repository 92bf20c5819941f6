package dev.casekeeper.fields;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Custom fields through the API: admins define them, agents set them on new and existing cases,
 * filter lists by them and find their text by search; every value is checked by type. Every field
 * here belongs to a team of its own, so no other test's cases see it.
 */
class CustomFieldsApiTests extends ApiTestBase {

    @Test
    void aCaseOpensWithFieldValuesThatTheListFiltersBy() {
        var team = newTeam();
        var agent = newAgent("agent", team).api();
        String plan = key("plan");
        String seats = key("seats");
        define(Map.of("name", "Plan", "apiKey", plan, "type", "dropdown", "options", List.of("Basic", "Gold")), team);
        define(Map.of("name", "Seats", "apiKey", seats, "type", "number"), team);

        var gold = open(agent, team, Map.of(plan, "Gold", seats, 12));
        open(agent, team, Map.of(plan, "Basic"));

        var values = agent.get("/api/v1/cases/" + gold + "/fields");
        assertThat(values.status()).as(values.toString()).isEqualTo(200);
        assertThat(value(values.json(), plan).get("value").asString()).isEqualTo("Gold");
        assertThat(value(values.json(), seats).get("text").asString()).isEqualTo("12");

        var filtered = agent.get("/api/v1/cases?teamId=" + team + "&field." + plan + "=gold");
        assertThat(filtered.status()).as(filtered.toString()).isEqualTo(200);
        assertThat(ids(filtered.json())).containsExactly(gold.toString());
        var timeline = agent.get("/api/v1/cases/" + gold);
        assertThat(timeline.text()).contains("custom_field_changed").contains("Plan");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedAndChangesNothing() {
        var team = newTeam();
        var agent = newAgent("agent", team).api();
        String seats = key("seats");
        String renewal = key("renewal");
        define(Map.of("name", "Seats", "apiKey", seats, "type", "number"), team);
        define(Map.of("name", "Renewal", "apiKey", renewal, "type", "date"), team);
        String subject = "Refused " + UUID.randomUUID();

        var refused = agent.post("/api/v1/cases", body(subject, team, Map.of(seats, "twelve", renewal, "31.12.2026")));

        assertProblem(refused, 400, "invalid-input");
        assertThat(refused.text()).contains(seats).contains("whole number").contains(renewal);
        assertThat(ids(agent.get("/api/v1/cases?teamId=" + team).json())).isEmpty();

        var kase = open(agent, team, Map.of(seats, 3));
        var bad = agent.send("PUT", "/api/v1/cases/" + kase + "/fields", Map.of(seats, 4.5));
        assertProblem(bad, 400, "invalid-input");
        assertThat(value(agent.get("/api/v1/cases/" + kase + "/fields").json(), seats)
                        .get("text")
                        .asString())
                .isEqualTo("3");
        assertProblem(agent.get("/api/v1/cases?field." + seats + "=many"), 400, "invalid-input");
        assertProblem(
                agent.get("/api/v1/cases?field.no_such_field_"
                        + UUID.randomUUID().toString().substring(0, 4) + "=1"),
                400,
                "invalid-input");
    }

    @Test
    void aRequiredFieldKeepsTheCaseFromBeingSolvedUntilItIsFilledIn() {
        var team = newTeam();
        var agent = newAgent("agent", team).api();
        String reason = key("reason");
        define(
                Map.of(
                        "name",
                        "Contact reason",
                        "apiKey",
                        reason,
                        "type",
                        "dropdown",
                        "options",
                        List.of("Billing", "Bug"),
                        "requiredToSolve",
                        true),
                team);
        var kase = open(agent, team, Map.of());

        assertProblem(agent.patch("/api/v1/cases/" + kase, Map.of("status", "solved")), 409, "required-fields");
        assertThat(agent.get("/api/v1/cases/" + kase).json().get("status").asString())
                .isNotEqualTo("solved");

        var set = agent.send("PUT", "/api/v1/cases/" + kase + "/fields", Map.of(reason, "Bug"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        var solved = agent.patch("/api/v1/cases/" + kase, Map.of("status", "solved"));
        assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
    }

    @Test
    void oldValuesStayReadableWhenTheTypeChangesOrTheOptionIsRemoved() {
        var team = newTeam();
        var agent = newAgent("agent", team).api();
        String plan = key("plan");
        String code = key("code");
        var planField = define(
                Map.of("name", "Plan", "apiKey", plan, "type", "dropdown", "options", List.of("Basic", "Gold")), team);
        var codeField = define(Map.of("name", "Code", "apiKey", code, "type", "text"), team);
        var kase = open(agent, team, Map.of(plan, "Gold", code, "A-17"));

        admin().patch("/api/v1/fields/" + planField, Map.of("options", List.of("Basic", "Platinum")));
        admin().patch("/api/v1/fields/" + codeField, Map.of("type", "number"));

        var values = agent.get("/api/v1/cases/" + kase + "/fields").json();
        assertThat(value(values, plan).get("text").asString()).isEqualTo("Gold");
        assertThat(value(values, plan).get("outdated").asBoolean()).isTrue();
        assertThat(value(values, code).get("text").asString()).isEqualTo("A-17");
        assertThat(value(values, code).get("outdated").asBoolean()).isTrue();
    }

    @Test
    void theCaseSearchFindsTextValues() {
        var team = newTeam();
        var agent = newAgent("agent", team).api();
        String serial = key("serial");
        define(Map.of("name", "Serial", "apiKey", serial, "type", "text"), team);
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        var kase = open(agent, team, Map.of(serial, "unit " + word));

        assertThat(ids(agent.get("/api/v1/cases?q=" + word).json())).containsExactly(kase.toString());
    }

    @Test
    void agentsAndSupervisorsCannotDefineFields() {
        var body = Map.of("name", "Plan", "apiKey", key("plan"), "type", "text");
        assertProblem(newAgent("agent").api().post("/api/v1/fields", body), 403, "forbidden");
        assertProblem(newAgent("supervisor").api().post("/api/v1/fields", body), 403, "forbidden");
    }

    @Test
    void aFieldIsCheckedWhenItIsDefined() {
        assertProblem(
                admin().post("/api/v1/fields", Map.of("name", "Plan", "apiKey", key("plan"), "type", "dropdown")),
                400,
                "invalid-input");
        assertProblem(
                admin().post("/api/v1/fields", Map.of("name", "Plan", "apiKey", "Not A Key", "type", "text")),
                400,
                "invalid-input");
        assertProblem(
                admin().post("/api/v1/fields", Map.of("name", "Plan", "apiKey", key("plan"), "type", "colour")),
                400,
                "invalid-input");
    }

    private static String key(String name) {
        return name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private UUID define(Map<String, Object> field, UUID team) {
        var body = new HashMap<>(field);
        body.put("teamId", team);
        var created = admin().post("/api/v1/fields", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private static Map<String, Object> body(String subject, UUID team, Map<String, Object> fields) {
        return Map.of(
                "subject", subject,
                "teamId", team,
                "requester", Map.of("email", "customer-" + UUID.randomUUID() + "@example.com", "name", "Ana Souza"),
                "message", Map.of("body", "Our licence renewal failed."),
                "customFields", fields);
    }

    private UUID open(Api as, UUID team, Map<String, Object> fields) {
        var created = as.post("/api/v1/cases", body("Renewal " + UUID.randomUUID(), team, fields));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private static JsonNode value(JsonNode values, String key) {
        for (var item : values.get("items")) {
            if (item.get("apiKey").asString().equals(key)) {
                return item;
            }
        }
        throw new AssertionError("no value " + key + " in " + values);
    }

    private static List<String> ids(JsonNode page) {
        var ids = new java.util.ArrayList<String>();
        page.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }
}
