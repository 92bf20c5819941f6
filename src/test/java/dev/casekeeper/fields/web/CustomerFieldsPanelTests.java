package dev.casekeeper.fields.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The customer fields in the customer card of the case page, as htmx asks for them: values checked
 * by type with the refusal beside the input, and nothing for an agent who may not see the case.
 */
class CustomerFieldsPanelTests extends ApiTestBase {

    private String seats;
    private UUID team;
    private Caller agent;
    private UUID caseId;
    private long number;
    private String customer;
    private String fieldId;

    /** Customer fields show on every case's customer card: each test removes its own. */
    @AfterEach
    void removeTheField() {
        admin().delete("/api/v1/fields/" + fieldId);
    }

    @BeforeEach
    void aCustomerNumberFieldAndACase() {
        seats = "seats_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        var field = admin().post(
                        "/api/v1/fields",
                        Map.of(
                                "subject",
                                "customer",
                                "name",
                                "Licensed seats",
                                "apiKey",
                                seats,
                                "type",
                                "number",
                                "helpText",
                                "As on the signed contract"));
        assertThat(field.status()).as(field.toString()).isEqualTo(201);
        fieldId = field.json().get("id").asString();
        team = newTeam();
        agent = newAgent("agent", team);
        caseId = openCase(agent.api(), team, "We need more seats");
        var detail = agent.api().get("/api/v1/cases/" + caseId).json();
        number = detail.get("number").asLong();
        customer = detail.get("requesterId").asString();
    }

    @Test
    void aValueThatDoesNotFitIsRefusedBesideItsInputAndNothingChanges() {
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        browser.get("/cases/" + number);

        var refused = browser.postPart("/cases/" + number + "/customer-fields", Map.of("f." + seats, "twelve"));

        assertThat(refused.status()).isEqualTo(422);
        var input = refused.html().getElementById("customer-field-" + seats);
        assertThat(input.hasClass("invalid")).isTrue();
        assertThat(input.val()).isEqualTo("twelve");
        assertThat(refused.html()
                        .select("[data-field=" + seats + "] .field-error")
                        .text())
                .contains("whole number");
        assertThat(value().path("value").asString(null)).isNull();

        var saved = browser.postPart("/cases/" + number + "/customer-fields", Map.of("f." + seats, "25"));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.html().getElementById("customer-fields-saved")).isNotNull();
        assertThat(saved.html().select("[data-field=" + seats + "]").text())
                .contains("As on the signed contract")
                .contains("Changed by");
        assertThat(value().get("value").asInt()).isEqualTo(25);
    }

    @Test
    void anAgentWhoMayNotSeeTheCaseGetsNothingAndChangesNothing() {
        var outsider = newAgent("agent", newTeam());
        var browser = WebSession.anonymous(port).signIn(outsider.email(), PASSWORD);
        browser.get("/");

        assertThat(browser.getPart("/cases/" + number + "/customer-fields").status())
                .isEqualTo(404);
        assertThat(browser.postPart("/cases/" + number + "/customer-fields", Map.of("f." + seats, "3"))
                        .status())
                .isEqualTo(404);
        assertThat(value().path("value").asString(null)).isNull();
    }

    private JsonNode value() {
        List<JsonNode> items = agent.api()
                .get("/api/v1/customers/" + customer + "/fields")
                .json()
                .get("items")
                .valueStream()
                .filter(i -> i.get("apiKey").asString().equals(seats))
                .toList();
        assertThat(items).hasSize(1);
        return items.getFirst();
    }
}
