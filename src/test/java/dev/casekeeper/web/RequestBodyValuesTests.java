package dev.casekeeper.web;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values in request bodies that used to reach the database and fail there (a 500, sometimes after
 * part of the work was done) or were quietly turned into something else: each is now refused
 * with 400 naming the field, and nothing is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestBodyValuesTests extends ApiTestBase {

    private static final JsonMapper json = JsonMapper.builder().build();

    private Api admin;

    @BeforeAll
    void signIn() {
        admin = newAgent("admin").api();
    }

    @Test
    void refusesNulInTextAndNamesTheField() {
        String marker = "nul-" + UUID.randomUUID();
        var response = admin.post("/api/v1/cases", """
                {"subject": "%s broken\\u0000", "requester": {"email": "%s@example.com"}, "message": {"body": "Hello"}}
                """.formatted(marker, marker));

        assertProblem(response, 400, "invalid-input");
        assertThat(fieldsNamed(response)).containsExactly("subject");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .contains("NUL", "U+0000");
        assertThat(admin.get("/api/v1/cases?q=" + marker).json().get("items")).isEmpty();
        assertThat(admin.get("/api/v1/customers?q=" + marker).json().get("items"))
                .isEmpty();
    }

    @Test
    void refusesNulInsideNestedObjectsListsAndMapKeys() {
        var kase = openCase(admin, "Nested NUL");

        assertThat(fieldsNamed(admin.post("/api/v1/cases/" + kase + "/notes", "{\"body\": \"\\u0000\"}")))
                .containsExactly("body");
        assertThat(fieldsNamed(admin.patch("/api/v1/cases/" + kase, "{\"tags\": [\"fine\", \"bad\\u0000\"]}")))
                .containsExactly("tags[1]");
        var key = admin.post(
                "/api/v1/customers",
                "{\"emails\": [\"key-" + UUID.randomUUID() + "@example.com\"], "
                        + "\"fields\": {\"pro\\u0000nouns\": \"they\"}}");
        assertProblem(key, 400, "invalid-input");
        assertThat(fieldsNamed(key)).containsExactly("fields");
        assertThat(admin.get("/api/v1/cases/" + kase).json().get("timeline")).hasSize(1);
    }

    @Test
    void refusesHalfASurrogatePairInAPassword() {
        String email = "surrogate-" + UUID.randomUUID() + "@casekeeper.test";
        var response = admin.post("/api/v1/agents", """
                {"email": "%s", "name": "Half a pair", "password": "long enough password \\ud800"}
                """.formatted(email));

        assertProblem(response, 400, "invalid-input");
        assertThat(fieldsNamed(response)).containsExactly("password");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .contains("U+D800");
        assertThat(admin.get("/api/v1/agents")
                        .json()
                        .valueStream()
                        .map(a -> a.get("email").asString()))
                .doesNotContain(email);
    }

    @Test
    void refusesValuesOfTheWrongJsonTypeInsteadOfConvertingThem() {
        var number = admin.post("/api/v1/teams", "{\"name\": 123}");
        assertProblem(number, 400, "invalid-input");
        assertThat(fieldsNamed(number)).containsExactly("name");
        assertThat(number.json().get("errors").get(0).get("message").asString()).isEqualTo("must be a JSON string");
        assertThat(admin.get("/api/v1/teams")
                        .json()
                        .valueStream()
                        .map(t -> t.get("name").asString()))
                .doesNotContain("123");

        var agent = newAgent("agent");
        var text = admin.patch("/api/v1/agents/" + agent.id(), "{\"active\": \"false\"}");
        assertThat(fieldsNamed(text)).containsExactly("active");
        assertThat(admin.get("/api/v1/agents/" + agent.id())
                        .json()
                        .get("active")
                        .asBoolean())
                .isTrue();

        var fraction = admin.patch("/api/v1/routing/agents/" + agent.id(), "{\"chatCapacity\": 2.5}");
        assertThat(fieldsNamed(fraction)).containsExactly("chatCapacity");
        var quoted = admin.patch("/api/v1/routing/agents/" + agent.id(), "{\"chatCapacity\": \"3\"}");
        assertThat(fieldsNamed(quoted)).containsExactly("chatCapacity");
        assertThat(quoted.json().get("errors").get(0).get("message").asString()).isEqualTo("must be a whole number");
        var huge = admin.patch("/api/v1/routing/agents/" + agent.id(), "{\"chatCapacity\": 1180591620717411303424}");
        assertThat(fieldsNamed(huge)).containsExactly("chatCapacity");
    }

    @Test
    void refusesNullInsideLists() {
        var team = newTeam();
        var calendar = SlaFixture.alwaysOpenCalendar(admin);
        String name = "Null tags " + UUID.randomUUID();
        var body = (ObjectNode) json.valueToTree(SlaFixture.policyBody(name, calendar, team, 60, 60, 60));
        ((ObjectNode) body.get("conditions")).putArray("caseTags").addNull();

        var response = admin.post("/api/v1/sla/policies", body);

        assertProblem(response, 400, "invalid-input");
        assertThat(fieldsNamed(response)).containsExactly("conditions.caseTags[0]");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .isEqualTo("must not be null");
        assertThat(admin.get("/api/v1/sla/policies")
                        .json()
                        .valueStream()
                        .map(p -> p.get("name").asString()))
                .doesNotContain(name);
        assertThat(fieldsNamed(admin.post("/api/v1/customers", "{\"emails\": [null]}")))
                .containsExactly("emails[0]");
    }

    @Test
    void stillRemovesACustomerFieldSetToNull() {
        String email = "fields-" + UUID.randomUUID() + "@example.com";
        var created = admin.post(
                "/api/v1/customers", Map.of("emails", List.of(email), "fields", Map.of("pronouns", "she/her")));
        String id = created.json().get("id").asString();

        var changed = admin.patch("/api/v1/customers/" + id, "{\"fields\": {\"pronouns\": null}}");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("fields").has("pronouns")).isFalse();
    }

    @Test
    void refusesDatesNoCalendarHolds() {
        var kase = openCase(admin, "Promise forever");

        var forever = admin.post(
                "/api/v1/cases/" + kase + "/promises",
                Map.of("text", "Call back", "dueAt", "+999999999-12-31T23:59:59Z"));
        assertProblem(forever, 400, "invalid-input");
        assertThat(fieldsNamed(forever)).containsExactly("dueAt");
        assertThat(forever.json().get("errors").get(0).get("message").asString())
                .isEqualTo("must be between 1970-01-01 and 9999-12-31");
        assertThat(fieldsNamed(admin.post(
                        "/api/v1/cases/" + kase + "/promises",
                        Map.of("text", "Call back", "dueAt", "+10000-01-01T00:00:00Z"))))
                .containsExactly("dueAt");
        assertThat(admin.get("/api/v1/cases/" + kase + "/followups").json().get("followups"))
                .isEmpty();

        var holiday = admin.post(
                "/api/v1/sla/calendars",
                Map.of(
                        "name",
                        "Far holiday " + UUID.randomUUID(),
                        "zone",
                        "UTC",
                        "hours",
                        List.of(Map.of("day", "monday", "from", "09:00", "to", "17:00")),
                        "holidays",
                        List.of(Map.of("date", "+999999999-12-31", "name", "Never"))));
        assertThat(fieldsNamed(holiday)).containsExactly("holidays[0].date");
    }
}
