package dev.casekeeper.fields;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Customer fields through the API: admins define them like case fields (with {@code subject:
 * customer}); agents set them when they add or change a customer and through her fields, filter the
 * customer list by them and read who changed what in her history. Every value is checked by type, and
 * they stay apart from what the customer declared about herself.
 */
class CustomerFieldsApiTests extends ApiTestBase {

    private final List<UUID> defined = new ArrayList<>();

    /** Customer fields show on every case's customer card: each test removes its own. */
    @AfterEach
    void removeFields() {
        defined.forEach(id -> admin().delete("/api/v1/fields/" + id));
    }

    @Test
    void aCustomerIsAddedAndChangedWithFieldValuesThatTheListFiltersBy() {
        var agent = newAgent("agent").api();
        String tier = key("tier");
        String seats = key("seats");
        define(Map.of("name", "Tier", "apiKey", tier, "type", "dropdown", "options", List.of("Bronze", "Gold")));
        define(Map.of("name", "Seats", "apiKey", seats, "type", "number"));

        var gold = agent.post("/api/v1/customers", customer(Map.of(tier, "gold", seats, 12)));
        assertThat(gold.status()).as(gold.toString()).isEqualTo(201);
        assertThat(gold.json().get("customFields").get(tier).asString()).isEqualTo("Gold");
        assertThat(gold.json().get("customFields").get(seats).asInt()).isEqualTo(12);
        String goldId = gold.json().get("id").asString();
        var bronze = agent.post("/api/v1/customers", customer(Map.of(tier, "Bronze")));
        String bronzeId = bronze.json().get("id").asString();

        assertThat(ids(agent.get("/api/v1/customers?field." + tier + "=GOLD&limit=100")))
                .containsExactly(goldId);

        var changed = agent.patch("/api/v1/customers/" + bronzeId, Map.of("customFields", Map.of(tier, "Gold")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("customFields").get(tier).asString()).isEqualTo("Gold");
        assertThat(ids(agent.get("/api/v1/customers?field." + tier + "=Gold&field." + seats + "=12")))
                .containsExactly(goldId);
        assertThat(ids(agent.get("/api/v1/customers?field." + tier + "=Gold&limit=100")))
                .containsExactlyInAnyOrder(goldId, bronzeId);

        var values = agent.get("/api/v1/customers/" + bronzeId + "/fields");
        assertThat(values.status()).as(values.toString()).isEqualTo(200);
        assertThat(value(values.json(), tier).get("text").asString()).isEqualTo("Gold");

        var history = agent.get("/api/v1/customers/" + bronzeId + "/history").json();
        var lines = new ArrayList<JsonNode>();
        history.forEach(h -> {
            if (h.get("field").asString().equals("custom:" + tier)) {
                lines.add(h);
            }
        });
        assertThat(lines).hasSize(2);
        assertThat(lines.getLast().get("before").asString()).isEqualTo("Bronze");
        assertThat(lines.getLast().get("after").asString()).isEqualTo("Gold");
        assertThat(lines.getLast().get("actorKind").asString()).isEqualTo("agent");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedAndChangesNothing() {
        var agent = newAgent("agent").api();
        String seats = key("seats");
        String renewal = key("renewal");
        define(Map.of("name", "Seats", "apiKey", seats, "type", "number"));
        define(Map.of("name", "Renewal", "apiKey", renewal, "type", "date"));
        String email = "refused-" + UUID.randomUUID() + "@example.com";

        var refused = agent.post(
                "/api/v1/customers",
                Map.of("emails", List.of(email), "customFields", Map.of(seats, "twelve", renewal, "31.12.2026")));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactlyInAnyOrder("customFields." + seats, "customFields." + renewal);
        assertThat(ids(agent.get("/api/v1/customers?q=" + email))).isEmpty();

        var added = agent.post("/api/v1/customers", customer(Map.of(seats, 3)));
        String id = added.json().get("id").asString();
        var bad = agent.patch(
                "/api/v1/customers/" + id, Map.of("displayName", "Someone Else", "customFields", Map.of(seats, 4.5)));
        assertProblem(bad, 400, "invalid-input");
        assertThat(fieldsNamed(bad)).containsExactly("customFields." + seats);
        var after = agent.get("/api/v1/customers/" + id).json();
        assertThat(after.get("displayName").asString()).isEqualTo("Ana Souza");
        assertThat(after.get("customFields").get(seats).asInt()).isEqualTo(3);

        assertProblem(
                agent.send("PUT", "/api/v1/customers/" + id + "/fields", Map.of(seats, "many")), 400, "invalid-input");
        assertProblem(agent.get("/api/v1/customers?field." + seats + "=many"), 400, "invalid-input");
        assertProblem(agent.get("/api/v1/customers?field." + key("nothing") + "=1"), 400, "invalid-input");
        assertThat(value(agent.get("/api/v1/customers/" + id + "/fields").json(), seats)
                        .get("text")
                        .asString())
                .isEqualTo("3");
    }

    @Test
    void whatOnlyCasesHaveIsRefusedForACustomerField() {
        var team = newTeam();

        var required = admin().post(
                        "/api/v1/fields",
                        Map.of(
                                "subject",
                                "customer",
                                "name",
                                "Tier",
                                "apiKey",
                                key("tier"),
                                "type",
                                "text",
                                "requiredToSolve",
                                true));
        assertProblem(required, 400, "invalid-input");
        assertThat(fieldsNamed(required)).containsExactly("requiredToSolve");
        assertThat(required.text()).contains("only a case field");

        var scoped = admin().post(
                        "/api/v1/fields",
                        Map.of(
                                "subject",
                                "customer",
                                "name",
                                "Tier",
                                "apiKey",
                                key("tier"),
                                "type",
                                "text",
                                "teamId",
                                team));
        assertProblem(scoped, 400, "invalid-input");
        assertThat(fieldsNamed(scoped)).containsExactly("teamId");

        var field = define(Map.of("name", "Tier", "apiKey", key("tier"), "type", "text"));
        assertProblem(admin().patch("/api/v1/fields/" + field, Map.of("requiredToSolve", true)), 400, "invalid-input");
        assertThat(admin().get("/api/v1/fields/" + field)
                        .json()
                        .get("requiredToSolve")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void agentsAndSupervisorsSetValuesButOnlyAdminsDefineFields() {
        var body = Map.of("subject", "customer", "name", "Tier", "apiKey", key("tier"), "type", "text");
        var agent = newAgent("agent").api();
        assertProblem(agent.post("/api/v1/fields", body), 403, "forbidden");
        assertProblem(newAgent("supervisor").api().post("/api/v1/fields", body), 403, "forbidden");

        String tier = key("tier");
        var field = define(Map.of("name", "Tier", "apiKey", tier, "type", "text"));
        assertProblem(agent.patch("/api/v1/fields/" + field, Map.of("name", "Level")), 403, "forbidden");
        assertProblem(agent.delete("/api/v1/fields/" + field), 403, "forbidden");
        var listed = agent.get("/api/v1/fields?subject=customer");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.text()).contains(tier);

        String id = agent.post("/api/v1/customers", customer(Map.of()))
                .json()
                .get("id")
                .asString();
        var set = agent.send("PUT", "/api/v1/customers/" + id + "/fields", Map.of(tier, "Key account"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(value(set.json(), tier).get("value").asString()).isEqualTo("Key account");
        assertProblem(
                anonymous().send("PUT", "/api/v1/customers/" + id + "/fields", Map.of(tier, "x")), 401, "unauthorized");
    }

    @Test
    void customFieldsStayApartFromWhatTheCustomerDeclared() {
        var agent = newAgent("agent").api();
        String language = key("language");
        define(Map.of("name", "Contract language", "apiKey", language, "type", "text"));
        String id = agent.post("/api/v1/customers", customer(Map.of()))
                .json()
                .get("id")
                .asString();
        var declared = admin().patch(
                        "/api/v1/customers/" + id,
                        Map.of("fields", Map.of("language", "de"), "declaredBy", "customer"));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(200);

        var set = agent.patch("/api/v1/customers/" + id, Map.of("customFields", Map.of(language, "English")));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("customFields").get(language).asString()).isEqualTo("English");
        assertThat(set.json().get("fields").get("language").get("value").asString())
                .isEqualTo("de");
        assertThat(set.json().get("fields").has(language)).isFalse();

        // What she declared stays hers, and the refusal keeps the custom field's change out too.
        var locked = agent.patch(
                "/api/v1/customers/" + id,
                Map.of("fields", Map.of("language", "en"), "customFields", Map.of(language, "French")));
        assertProblem(locked, 409, "customer-declared-field");
        assertThat(agent.get("/api/v1/customers/" + id)
                        .json()
                        .get("customFields")
                        .get(language)
                        .asString())
                .isEqualTo("English");

        var notACustomField = agent.send("PUT", "/api/v1/customers/" + id + "/fields", Map.of("language", "en"));
        assertProblem(notACustomField, 400, "invalid-input");
    }

    @Test
    void oldValuesStayReadableWhenTheTypeChangesOrTheOptionIsRemoved() {
        var agent = newAgent("agent").api();
        String tier = key("tier");
        String code = key("code");
        var tierField = define(
                Map.of("name", "Tier", "apiKey", tier, "type", "dropdown", "options", List.of("Bronze", "Gold")));
        var codeField = define(Map.of("name", "Code", "apiKey", code, "type", "text"));
        String id = agent.post("/api/v1/customers", customer(Map.of(tier, "Gold", code, "A-17")))
                .json()
                .get("id")
                .asString();

        admin().patch("/api/v1/fields/" + tierField, Map.of("options", List.of("Bronze", "Platinum")));
        admin().patch("/api/v1/fields/" + codeField, Map.of("type", "number"));

        var values = agent.get("/api/v1/customers/" + id + "/fields").json();
        assertThat(value(values, tier).get("text").asString()).isEqualTo("Gold");
        assertThat(value(values, tier).get("outdated").asBoolean()).isTrue();
        assertThat(value(values, code).get("text").asString()).isEqualTo("A-17");
        assertThat(value(values, code).get("outdated").asBoolean()).isTrue();
    }

    @Test
    void aMergeGivesTheRemainingRecordTheValuesItLackedAndAnUndoTakesThemBack() {
        var agent = newAgent("agent").api();
        var supervisor = newAgent("supervisor").api();
        String tier = key("tier");
        String contract = key("contract");
        define(Map.of("name", "Tier", "apiKey", tier, "type", "text"));
        define(Map.of("name", "Contract", "apiKey", contract, "type", "text"));
        String source = agent.post("/api/v1/customers", customer(Map.of(tier, "Gold", contract, "C-1")))
                .json()
                .get("id")
                .asString();
        String target = agent.post("/api/v1/customers", customer(Map.of(tier, "Silver")))
                .json()
                .get("id")
                .asString();
        var proposed = agent.post(
                "/api/v1/customer-merges", Map.of("sourceId", source, "targetId", target, "note", "Same contract"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String merge = proposed.json().get("id").asString();

        var confirmed = supervisor.post(
                "/api/v1/customer-merges/" + merge + "/confirmation", Map.of("reason", "Same contract number"));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        var merged = agent.get("/api/v1/customers/" + target).json().get("customFields");
        assertThat(merged.get(tier).asString())
                .as("what the remaining record holds wins")
                .isEqualTo("Silver");
        assertThat(merged.get(contract).asString()).isEqualTo("C-1");

        var undone = supervisor.post("/api/v1/customer-merges/" + merge + "/undo", Map.of("reason", "Two people"));
        assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
        var after = agent.get("/api/v1/customers/" + target).json().get("customFields");
        assertThat(after.get(tier).asString()).isEqualTo("Silver");
        assertThat(after.has(contract)).isFalse();
        assertThat(agent.get("/api/v1/customers/" + source)
                        .json()
                        .get("customFields")
                        .get(contract)
                        .asString())
                .isEqualTo("C-1");
    }

    private static String key(String name) {
        return name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private UUID define(Map<String, Object> field) {
        var body = new HashMap<>(field);
        body.put("subject", "customer");
        var created = admin().post("/api/v1/fields", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("subject").asString()).isEqualTo("customer");
        var id = UUID.fromString(created.json().get("id").asString());
        defined.add(id);
        return id;
    }

    private static Map<String, Object> customer(Map<String, Object> fields) {
        return Map.of(
                "displayName",
                "Ana Souza",
                "emails",
                List.of("ana-" + UUID.randomUUID() + "@example.com"),
                "customFields",
                fields);
    }

    private static JsonNode value(JsonNode values, String key) {
        for (var item : values.get("items")) {
            if (item.get("apiKey").asString().equals(key)) {
                return item;
            }
        }
        throw new AssertionError("no value " + key + " in " + values);
    }

    private static List<String> ids(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        var ids = new ArrayList<String>();
        page.json().get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }
}
