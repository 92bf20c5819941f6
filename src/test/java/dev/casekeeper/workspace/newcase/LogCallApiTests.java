package dev.casekeeper.workspace.newcase;

import static dev.casekeeper.sla.SlaFixture.events;
import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.ApiTestBase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logging a phone call by hand, without any telephony: a new phone case for the caller, or a call added to a case. */
class LogCallApiTests extends ApiTestBase {

    private UUID team;
    private Caller agent;

    @BeforeEach
    void aDesk() {
        team = newTeam();
        agent = newAgent("agent", team);
    }

    @Test
    void anInboundCallFromANewCallerOpensAPhoneCaseWithTheCallOnItsTimeline() {
        var phone = "+44 20 7946 " + (1000 + (int) (Math.random() * 8999));

        var logged = agent.api()
                .post(
                        "/api/v1/calls",
                        Map.of(
                                "customer",
                                Map.of("name", "Rosa Martin", "phone", phone),
                                "direction",
                                "inbound",
                                "durationSeconds",
                                420,
                                "disposition",
                                "follow_up",
                                "notes",
                                "Her washing machine was delivered without the hoses.",
                                "subject",
                                "Washing machine delivered without hoses",
                                "teamId",
                                team));

        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        assertThat(logged.json().get("channel").asString()).isEqualTo("phone");
        var caseId = UUID.fromString(logged.json().get("caseId").asString());
        var kase = agent.api().get("/api/v1/cases/" + caseId).json();
        assertThat(kase.get("channel").asString()).isEqualTo("phone");
        var call = events(agent.api(), caseId, "call_logged");
        assertThat(call).hasSize(1);
        assertThat(call.getFirst().get("data").get("direction").asString()).isEqualTo("inbound");
        assertThat(call.getFirst().get("data").get("disposition").asString()).isEqualTo("follow_up");
        assertThat(call.getFirst().get("data").get("duration").asString()).isEqualTo("PT7M");

        var again = agent.api()
                .post(
                        "/api/v1/calls",
                        Map.of(
                                "customer",
                                Map.of("phone", phone),
                                "direction",
                                "inbound",
                                "durationSeconds",
                                60,
                                "disposition",
                                "resolved",
                                "notes",
                                "The hoses arrived.",
                                "subject",
                                "Hoses arrived",
                                "teamId",
                                team));
        assertThat(agent.api()
                        .get("/api/v1/cases/" + again.json().get("caseId").asString())
                        .json()
                        .get("requesterId")
                        .asString())
                .as("the same caller is the same customer")
                .isEqualTo(kase.get("requesterId").asString());
    }

    @Test
    void anOutboundCallIsAddedToAnExistingCaseWithItsNotes() {
        var caseId = SlaFixture.openCase(agent.api(), team, "Refund not received");

        var logged = agent.api()
                .post(
                        "/api/v1/calls",
                        Map.of(
                                "caseId",
                                caseId,
                                "direction",
                                "outbound",
                                "durationSeconds",
                                0,
                                "disposition",
                                "no_answer",
                                "notes",
                                "Rang twice, no answer."));

        assertThat(logged.status()).as(logged.toString()).isEqualTo(200);
        var call = events(agent.api(), caseId, "call_logged");
        assertThat(call).hasSize(1);
        assertThat(call.getFirst().get("data").get("notes").asString()).isEqualTo("Rang twice, no answer.");
    }

    @Test
    void badInputIsRefusedWithTheFieldsNamedAndCreatesNothing() {
        var before = agent.api()
                .get("/api/v1/cases?teamId=" + team)
                .json()
                .get("items")
                .size();

        var refused = agent.api()
                .post(
                        "/api/v1/calls",
                        Map.of(
                                "direction",
                                "sideways",
                                "durationSeconds",
                                60,
                                "disposition",
                                "resolved",
                                "notes",
                                "Hello"));
        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("direction");

        var noCustomer = agent.api()
                .post(
                        "/api/v1/calls",
                        Map.of(
                                "direction",
                                "inbound",
                                "durationSeconds",
                                60,
                                "disposition",
                                "resolved",
                                "notes",
                                "Hello",
                                "teamId",
                                team));
        assertProblem(noCustomer, 400, "invalid-input");
        assertThat(fieldsNamed(noCustomer)).containsExactlyInAnyOrder("customer", "subject");
        assertThat(agent.api()
                        .get("/api/v1/cases?teamId=" + team)
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(before);
    }

    @Test
    void aCallCannotBeAddedToACaseTheAgentCannotSee() {
        var otherTeam = newTeam();
        var other = newAgent("agent", otherTeam);
        var theirs = SlaFixture.openCase(other.api(), otherTeam, "Not yours");

        assertProblem(
                agent.api()
                        .post(
                                "/api/v1/calls",
                                Map.of(
                                        "caseId",
                                        theirs,
                                        "direction",
                                        "outbound",
                                        "durationSeconds",
                                        60,
                                        "disposition",
                                        "resolved",
                                        "notes",
                                        "Peeking")),
                404,
                "not-found");
        assertThat(events(other.api(), theirs, "call_logged")).isEmpty();
    }
}
