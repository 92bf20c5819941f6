package dev.casekeeper.sla.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An SLA policy that matches on a customer field's value ("Tier" is "Gold"): a case of a Gold
 * customer gets its targets, another customer's case the team's other policy, and a customer's
 * open case moves to it when she becomes Gold.
 */
class PolicyCustomerFieldConditionsTests extends ApiTestBase {

    private UUID team;
    private Caller agent;
    private UUID calendar;
    private String tier;
    private UUID gold;
    private UUID standard;
    private UUID field;

    /** Customer fields show on every case's customer card: each test removes its own. */
    @AfterEach
    void removeTheField() {
        admin().delete("/api/v1/fields/" + field);
    }

    @BeforeEach
    void aTeamWithAGoldCustomerPolicyAndAStandardOne() {
        team = newTeam();
        agent = newAgent("agent", team);
        calendar = SlaFixture.alwaysOpenCalendar(admin());
        tier = "tier_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        var created = admin().post(
                        "/api/v1/fields",
                        Map.of(
                                "subject",
                                "customer",
                                "name",
                                "Tier",
                                "apiKey",
                                tier,
                                "type",
                                "dropdown",
                                "options",
                                List.of("Bronze", "Gold")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        field = UUID.fromString(created.json().get("id").asString());
        var body = SlaFixture.policyBody("Gold customers " + UUID.randomUUID(), calendar, team, 15, 15, 120);
        body.put("conditions", Map.of("teamIds", List.of(team), "customerFields", Map.of(tier, "gold")));
        var policy = admin().post("/api/v1/sla/policies", body);
        assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
        assertThat(policy.json()
                        .get("conditions")
                        .get("customerFields")
                        .get(tier)
                        .asString())
                .isEqualTo("gold");
        gold = UUID.fromString(policy.json().get("id").asString());
        var fallback = SlaFixture.policyBody("Team standard " + UUID.randomUUID(), calendar, team, 60, 30, 240);
        fallback.put("position", 1);
        var other = admin().post("/api/v1/sla/policies", fallback);
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        standard = UUID.fromString(other.json().get("id").asString());
    }

    @Test
    void aCaseOfAGoldCustomerGetsThePolicysTargetsAndAnotherCustomersDoesNot() {
        String email = "deon-" + UUID.randomUUID() + "@example.com";
        var customer = agent.api()
                .post("/api/v1/customers", Map.of("emails", List.of(email), "customFields", Map.of(tier, "Gold")));
        assertThat(customer.status()).as(customer.toString()).isEqualTo(201);

        var ofGold = SlaFixture.openCase(agent.api(), team, "Invoice shows the wrong VAT number", email);
        var ofOther = SlaFixture.openCase(agent.api(), team, "Socks came in the wrong colour");

        assertThat(policyOf(ofGold)).isEqualTo(gold.toString());
        assertThat(SlaFixture.clock(agent.api(), ofGold, "first_response")
                        .get("targetMinutes")
                        .asInt())
                .isEqualTo(15);
        assertThat(policyOf(ofOther)).isEqualTo(standard.toString());
    }

    @Test
    void anOpenCaseMovesToThePolicyWhenItsCustomerBecomesGoldAndBackWhenSheIsNot() {
        var kase = SlaFixture.openCase(agent.api(), team, "Cannot add a second admin");
        assertThat(policyOf(kase)).isEqualTo(standard.toString());
        String customer = agent.api()
                .get("/api/v1/cases/" + kase)
                .json()
                .get("requesterId")
                .asString();

        var set = agent.api().send("PUT", "/api/v1/customers/" + customer + "/fields", Map.of(tier, "Gold"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(policyOf(kase)).isEqualTo(gold.toString());

        var bronze = agent.api().patch("/api/v1/customers/" + customer, Map.of("customFields", Map.of(tier, "Bronze")));
        assertThat(bronze.status()).as(bronze.toString()).isEqualTo(200);
        assertThat(policyOf(kase)).isEqualTo(standard.toString());
    }

    @Test
    void aPolicyAskingForAValueTheFieldDoesNotAllowOrAnUnknownFieldIsRefusedAndNothingIsSaved() {
        var before = admin().get("/api/v1/sla/policies").json().size();
        var body = SlaFixture.policyBody("Platinum " + UUID.randomUUID(), calendar, team, 15, 15, 120);
        body.put("conditions", Map.of("customerFields", Map.of(tier, "Platinum")));

        var notAnOption = admin().post("/api/v1/sla/policies", body);
        assertProblem(notAnOption, 400, "invalid-input");
        assertThat(fieldsNamed(notAnOption)).containsExactly("conditions.customerFields." + tier);

        body.put("conditions", Map.of("customerFields", Map.of("no_such_field", "x")));
        var unknown = admin().post("/api/v1/sla/policies", body);
        assertProblem(unknown, 400, "invalid-input");
        assertThat(fieldsNamed(unknown)).containsExactly("conditions.customerFields.no_such_field");

        assertThat(admin().get("/api/v1/sla/policies").json().size()).isEqualTo(before);
    }

    private String policyOf(UUID kase) {
        var sla = agent.api().get("/api/v1/cases/" + kase + "/sla");
        assertThat(sla.status()).as(sla.toString()).isEqualTo(200);
        return sla.json().get("policy").get("id").asString();
    }
}
