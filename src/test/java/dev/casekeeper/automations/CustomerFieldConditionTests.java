package dev.casekeeper.automations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A trigger's condition on a customer field ({@code customer.custom.<apiKey>}): it reads the value
 * agents set on the case's customer, not what she declared about herself ({@code customer.<key>}).
 */
class CustomerFieldConditionTests extends ApiTestBase {

    private final List<UUID> created = new ArrayList<>();
    private final List<UUID> fields = new ArrayList<>();

    /**
     * Triggers stay in every node's memory while they exist, and customer fields show on every
     * case's customer card: each test removes its own.
     */
    @AfterEach
    void removeTriggers() {
        created.forEach(id -> admin().send("DELETE", "/api/v1/automations/triggers/" + id, null));
        fields.forEach(id -> admin().delete("/api/v1/fields/" + id));
    }

    @Test
    void aTriggerActsOnCasesOfCustomersHoldingTheFieldsValueOnly() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        String tier = "tier_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        var field = admin().post(
                        "/api/v1/fields",
                        Map.of(
                                "subject",
                                "customer",
                                "name",
                                "Tier",
                                "apiKey",
                                tier,
                                "type",
                                "multi_select",
                                "options",
                                List.of("Gold", "Partner")));
        assertThat(field.status()).as(field.toString()).isEqualTo(201);
        fields.add(UUID.fromString(field.json().get("id").asString()));
        var trigger = admin().post(
                        "/api/v1/automations/triggers",
                        Map.of(
                                "name",
                                "Gold customers first " + UUID.randomUUID(),
                                "event",
                                "case_opened",
                                "enabled",
                                true,
                                "conditions",
                                List.of(
                                        Map.of("field", "team", "op", "is", "value", team.toString()),
                                        Map.of("field", "customer.custom." + tier, "op", "is", "value", "gold")),
                                "actions",
                                List.of(Map.of("type", "set_priority", "value", "high"))));
        assertThat(trigger.status()).as(trigger.toString()).isEqualTo(201);
        created.add(UUID.fromString(trigger.json().get("id").asString()));
        String goldEmail = "gold-" + UUID.randomUUID() + "@example.com";
        var gold = agent.api()
                .post(
                        "/api/v1/customers",
                        Map.of("emails", List.of(goldEmail), "customFields", Map.of(tier, List.of("Partner", "Gold"))));
        assertThat(gold.status()).as(gold.toString()).isEqualTo(201);

        var ofGold = open(agent, team, goldEmail);
        var ofOther = open(agent, team, "other-" + UUID.randomUUID() + "@example.com");

        assertThat(priority(agent, ofGold)).isEqualTo("high");
        assertThat(priority(agent, ofOther)).isEqualTo("normal");
    }

    private static UUID open(Caller agent, UUID team, String email) {
        var opened = agent.api()
                .post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Our dashboard is empty",
                                "teamId",
                                team,
                                "requester",
                                Map.of("email", email),
                                "message",
                                Map.of("body", "Since this morning the dashboard shows nothing.")));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return UUID.fromString(opened.json().get("id").asString());
    }

    private static String priority(Caller agent, UUID kase) {
        JsonNode detail = agent.api().get("/api/v1/cases/" + kase).json();
        return detail.get("priority").asString();
    }
}
