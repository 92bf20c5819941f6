package dev.casekeeper.portal;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "About me": what the customer declares about herself is stored as hers, shown to agents as locked
 * with who declared it and when, and an agent changes it only by suggesting, which she accepts or
 * declines in the portal.
 */
class AboutMeTests extends PortalTestBase {

    @Test
    void whatTheCustomerDeclaresIsStoredAsHersAndShownToAgentsLockedWithWhenShDeclaredIt() {
        var maria = newCustomer("Maria Lopez");
        var session = signIn(maria);
        session.get("/portal/about");

        var saved = session.post(
                "/portal/about",
                Map.of(
                        "displayName", "Maria López",
                        "preferredName", "Maria",
                        "pronouns", "she/her",
                        "gender", "female",
                        "language", "es",
                        "preferredChannel", "email",
                        "contactTimes", "weekdays after 5 pm"));

        assertThat(saved.location()).endsWith("/portal/about");
        var customer = customer(maria);
        assertThat(customer.get("displayName").asString()).isEqualTo("Maria López");
        for (var field : Map.of(
                        "displayName", "Maria López",
                        "preferredName", "Maria",
                        "pronouns", "she/her",
                        "gender", "female",
                        "language", "es",
                        "preferredChannel", "email",
                        "contactTimes", "weekdays after 5 pm")
                .entrySet()) {
            var declared = customer.get("fields").get(field.getKey());
            assertThat(declared.get("value").asString()).as(field.getKey()).isEqualTo(field.getValue());
            assertThat(declared.get("setBy").asString()).as(field.getKey()).isEqualTo("customer");
            assertThat(declared.get("setById").asString())
                    .as(field.getKey())
                    .isEqualTo(maria.id().toString());
            assertThat(declared.get("lockedForAgents").asBoolean())
                    .as(field.getKey())
                    .isTrue();
            assertThat(declared.get("setAt").asString()).as(field.getKey()).isNotBlank();
        }
        var page = session.get("/portal/about").html();
        assertThat(page.select("#about-saved").text())
                .isEqualTo("Guardado. Nuestro equipo lo ve como dicho por usted.");
        assertThat(page.select("#gender").val()).isEqualTo("female");
    }

    @Test
    void anAgentCannotChangeWhatTheCustomerDeclaredThroughTheApiOrTheCasePage() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Lost key", "My key is gone.");
        declare(maria, Map.of("displayName", "Maria López", "gender", "female"));
        var agent = newAgent("agent");
        var before = customer(maria);

        assertProblem(
                agent.api().patch("/api/v1/customers/" + maria.id(), Map.of("fields", Map.of("gender", "male"))),
                409,
                "customer-declared-field");
        assertProblem(
                agent.api().patch("/api/v1/customers/" + maria.id(), Map.of("displayName", "Mario Lopez")),
                409,
                "customer-declared-field");
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        var casePage = browser.get("/cases/" + kase.getValue()).html();
        assertThat(casePage.select("#profile-name").hasAttr("readonly")).isTrue();
        assertThat(casePage.select("#profile-gender").hasAttr("readonly")).isTrue();
        assertThat(casePage.select("#name-locked").text()).contains("declared by the customer");
        var refused = browser.postPart(
                "/cases/" + kase.getValue() + "/customer",
                Map.of("displayName", "Mario Lopez", "fields[gender]", "male"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().select("#context").text())
                .contains("The customer declared this themselves as “Maria López”. Only the customer can change it.");
        assertThat(customer(maria)).isEqualTo(before);
    }

    @Test
    void anAgentSuggestsAChangeAndTheCustomerAcceptsItOrDeclinesIt() {
        var maria = newCustomer("Maria Lopez");
        declare(maria, Map.of("displayName", "Maria López", "pronouns", "she/her"));
        var agent = newAgent("agent");
        var suggested = agent.api()
                .post(
                        "/api/v1/customers/" + maria.id() + "/suggestions",
                        Map.of("field", "displayName", "value", "Maria L. Lopez"));
        assertThat(suggested.status()).as(suggested.toString()).isEqualTo(201);
        var declined = agent.api()
                .post(
                        "/api/v1/customers/" + maria.id() + "/suggestions",
                        Map.of("field", "pronouns", "value", "they/them"));
        assertThat(declined.status()).as(declined.toString()).isEqualTo(201);
        assertThat(customer(maria).get("displayName").asString())
                .as("a suggestion changes nothing by itself")
                .isEqualTo("Maria López");
        var session = signIn(maria);

        var page = session.get("/portal/about").html();
        assertThat(page.select("#suggestions li")).hasSize(2);
        assertThat(page.select("#suggestions li[data-field=displayName]").text())
                .contains("Your name: “Maria L. Lopez”");
        session.post("/portal/about/suggestions/" + suggested.json().get("id").asString() + "/accept", Map.of());
        session.post("/portal/about/suggestions/" + declined.json().get("id").asString() + "/decline", Map.of());

        var customer = customer(maria);
        assertThat(customer.get("displayName").asString()).isEqualTo("Maria L. Lopez");
        assertThat(customer.get("fields").get("displayName").get("setBy").asString())
                .as("what she accepted is hers")
                .isEqualTo("customer");
        assertThat(customer.get("fields").get("pronouns").get("value").asString())
                .isEqualTo("she/her");
        var states = agent.api()
                .get("/api/v1/customers/" + maria.id() + "/suggestions")
                .json();
        assertThat(states.valueStream()
                        .map(s ->
                                s.get("field").asString() + "=" + s.get("state").asString()))
                .containsExactlyInAnyOrder("displayName=accepted", "pronouns=declined");
        assertThat(session.get("/portal/about").html().select("#suggestions")).isEmpty();
    }

    @Test
    void aSuggestionOfNothingNewOrOfAnUnknownFieldIsRefusedAndChangesNothing() {
        var maria = newCustomer("Maria Lopez");
        declare(maria, Map.of("gender", "female"));
        var agent = newAgent("agent");

        assertProblem(
                agent.api()
                        .post(
                                "/api/v1/customers/" + maria.id() + "/suggestions",
                                Map.of("field", "gender", "value", "female")),
                400,
                "invalid-input");
        assertProblem(
                agent.api()
                        .post(
                                "/api/v1/customers/" + maria.id() + "/suggestions",
                                Map.of("field", "shoeSize", "value", "38")),
                400,
                "invalid-input");
        assertThat(agent.api()
                        .get("/api/v1/customers/" + maria.id() + "/suggestions")
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void aCustomerCannotAnswerASuggestionMadeToAnotherCustomer() {
        var maria = newCustomer("Maria Lopez");
        var lee = newCustomer("Lee Chen");
        var agent = newAgent("agent");
        var suggested = agent.api()
                .post(
                        "/api/v1/customers/" + maria.id() + "/suggestions",
                        Map.of("field", "preferredName", "value", "Mari"));
        var session = signIn(lee);
        session.get("/portal/about");

        var accept = session.post(
                "/portal/about/suggestions/" + suggested.json().get("id").asString() + "/accept", Map.of());
        var decline = session.post(
                "/portal/about/suggestions/" + suggested.json().get("id").asString() + "/decline", Map.of());

        assertThat(accept.status()).isEqualTo(404);
        assertThat(decline.status()).isEqualTo(404);
        assertThat(customer(maria).get("fields").has("preferredName")).isFalse();
        assertThat(customer(lee).get("fields").has("preferredName")).isFalse();
        assertThat(agent.api()
                        .get("/api/v1/customers/" + maria.id() + "/suggestions")
                        .json()
                        .get(0)
                        .get("state")
                        .asString())
                .isEqualTo("pending");
    }

    @Test
    void aBlankNameOrAnUnknownChoiceIsRefusedWithAReadableMessageAndChangesNothing() {
        var maria = newCustomer("Maria Lopez");
        var session = signIn(maria);
        session.get("/portal/about");
        var before = customer(maria);

        var blank =
                session.post("/portal/about", Map.of("displayName", "  ", "gender", "female", "language", "klingon"));

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.html().select("#displayName-error").text()).isEqualTo("Enter the name we should know you by.");
        assertThat(blank.html().select("#language-error").text()).isEqualTo("Choose one of the options.");
        assertThat(blank.html().select("#gender").val())
                .as("what she typed is kept")
                .isEqualTo("female");
        var tooLong = session.post("/portal/about", Map.of("displayName", "M".repeat(201)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.html().select("#displayName-error").text()).isEqualTo("Too long: at most 200 characters.");
        assertThat(customer(maria)).isEqualTo(before);
    }

    @Test
    void savingThePageTakesOverNothingSheLeftAlone() {
        var maria = newCustomer("Maria Lopez");
        var agent = newAgent("agent");
        agent.api().patch("/api/v1/customers/" + maria.id(), Map.of("fields", Map.of("preferredName", "Mrs Lopez")));
        var session = signIn(maria);
        session.get("/portal/about");

        session.post(
                "/portal/about",
                Map.of("displayName", "Maria Lopez", "preferredName", "Mrs Lopez", "pronouns", "she/her"));

        var fields = customer(maria).get("fields");
        assertThat(fields.get("preferredName").get("setBy").asString()).isEqualTo("agent");
        assertThat(fields.get("pronouns").get("setBy").asString()).isEqualTo("customer");
        assertThat(fields.has("displayName")).isFalse();
    }

    /** Declares fields as the customer would in the portal, through an integration's admin token. */
    void declare(TestCustomer customer, Map<String, String> fields) {
        var values = new java.util.HashMap<>(fields);
        String name = values.remove("displayName");
        var body = new java.util.HashMap<String, Object>(Map.of("fields", values, "declaredBy", "customer"));
        if (name != null) {
            body.put("displayName", name);
        }
        var declared = admin().patch("/api/v1/customers/" + customer.id(), body);
        assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
    }

    JsonNode customer(TestCustomer customer) {
        return admin().get("/api/v1/customers/" + customer.id()).json();
    }
}
