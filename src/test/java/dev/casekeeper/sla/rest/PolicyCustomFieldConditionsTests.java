package dev.casekeeper.sla.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An SLA policy that matches on a case custom field's value ("Plan" is "Business"): a case holding
 * the value gets its targets, one without gets the team's other policy, and a case whose value is
 * set later moves to it.
 */
class PolicyCustomFieldConditionsTests extends ApiTestBase {

    private UUID team;
    private Caller agent;
    private UUID calendar;
    private String plan;
    private UUID business;
    private UUID standard;

    @BeforeEach
    void aTeamWithABusinessPlanPolicyAndAStandardOne() {
        team = newTeam();
        agent = newAgent("agent", team);
        calendar = SlaFixture.alwaysOpenCalendar(admin());
        plan = "plan_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        var field = admin().post(
                        "/api/v1/fields",
                        Map.of(
                                "name",
                                "Plan",
                                "apiKey",
                                plan,
                                "type",
                                "dropdown",
                                "options",
                                List.of("Basic", "Business"),
                                "teamId",
                                team));
        assertThat(field.status()).as(field.toString()).isEqualTo(201);
        var body = SlaFixture.policyBody("Business plan " + UUID.randomUUID(), calendar, team, 15, 15, 120);
        body.put("conditions", Map.of("teamIds", List.of(team), "customFields", Map.of(plan, "business")));
        var created = admin().post("/api/v1/sla/policies", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json()
                        .get("conditions")
                        .get("customFields")
                        .get(plan)
                        .asString())
                .isEqualTo("business");
        business = UUID.fromString(created.json().get("id").asString());
        var fallback = SlaFixture.policyBody("Team standard " + UUID.randomUUID(), calendar, team, 60, 30, 240);
        fallback.put("position", 1);
        var other = admin().post("/api/v1/sla/policies", fallback);
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        standard = UUID.fromString(other.json().get("id").asString());
    }

    @Test
    void aCaseWithTheValueGetsThePolicysTargetsAndOneWithoutDoesNot() {
        var opened = agent.api()
                .post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Invoice shows the wrong VAT number",
                                "requester",
                                Map.of("email", "deon-" + UUID.randomUUID() + "@example.com"),
                                "message",
                                Map.of("body", "Our invoice has last year's VAT number."),
                                "teamId",
                                team,
                                "customFields",
                                Map.of(plan, "Business")));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        var withValue = UUID.fromString(opened.json().get("id").asString());
        var without = SlaFixture.openCase(agent.api(), team, "Socks came in the wrong colour");

        assertThat(policyOf(withValue)).isEqualTo(business.toString());
        assertThat(SlaFixture.clock(agent.api(), withValue, "first_response")
                        .get("targetMinutes")
                        .asInt())
                .isEqualTo(15);
        assertThat(policyOf(without)).isEqualTo(standard.toString());
        assertThat(SlaFixture.clock(agent.api(), without, "first_response")
                        .get("targetMinutes")
                        .asInt())
                .isEqualTo(60);
    }

    @Test
    void aCaseGivenTheValueLaterMovesToThePolicyAndBackWhenItIsCleared() {
        var kase = SlaFixture.openCase(agent.api(), team, "Cannot add a second admin");
        assertThat(policyOf(kase)).isEqualTo(standard.toString());

        var set = agent.api().send("PUT", "/api/v1/cases/" + kase + "/fields", Map.of(plan, "Business"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(policyOf(kase)).isEqualTo(business.toString());
        assertThat(SlaFixture.clock(agent.api(), kase, "first_response")
                        .get("targetMinutes")
                        .asInt())
                .isEqualTo(15);

        var basic = agent.api().send("PUT", "/api/v1/cases/" + kase + "/fields", Map.of(plan, "Basic"));
        assertThat(basic.status()).as(basic.toString()).isEqualTo(200);
        assertThat(policyOf(kase)).isEqualTo(standard.toString());
    }

    @Test
    void aPolicyAskingForAValueTheFieldDoesNotAllowOrAnUnknownFieldIsRefusedAndNothingIsSaved() {
        var before = admin().get("/api/v1/sla/policies").json().size();
        var body = SlaFixture.policyBody("Enterprise " + UUID.randomUUID(), calendar, team, 15, 15, 120);
        body.put("conditions", Map.of("customFields", Map.of(plan, "Enterprise")));

        var notAnOption = admin().post("/api/v1/sla/policies", body);
        assertProblem(notAnOption, 400, "invalid-input");
        assertThat(fieldsNamed(notAnOption)).containsExactly("conditions.customFields." + plan);

        body.put("conditions", Map.of("customFields", Map.of("no_such_field", "x")));
        var unknown = admin().post("/api/v1/sla/policies", body);
        assertProblem(unknown, 400, "invalid-input");
        assertThat(fieldsNamed(unknown)).containsExactly("conditions.customFields.no_such_field");

        assertThat(admin().get("/api/v1/sla/policies").json().size()).isEqualTo(before);
    }

    @Test
    void aPolicyOnAFieldSinceDeletedMatchesNoCase() {
        var fieldId = agent.api()
                .get("/api/v1/fields")
                .json()
                .valueStream()
                .filter(f -> f.get("apiKey").asString().equals(plan))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        var kase = SlaFixture.openCase(agent.api(), team, "Two-factor codes never arrive");
        agent.api().send("PUT", "/api/v1/cases/" + kase + "/fields", Map.of(plan, "Business"));
        assertThat(policyOf(kase)).isEqualTo(business.toString());

        assertThat(admin().delete("/api/v1/fields/" + fieldId).status()).isEqualTo(204);

        assertThat(policyOf(kase)).isEqualTo(standard.toString());
    }

    private String policyOf(UUID kase) {
        var sla = agent.api().get("/api/v1/cases/" + kase + "/sla");
        assertThat(sla.status()).as(sla.toString()).isEqualTo(200);
        return sla.json().get("policy").get("id").asString();
    }
}
