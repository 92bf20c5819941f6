package dev.casekeeper.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A frustrated customer message, through the cases API, flags the case heated, raises its
 * priority once, and alerts the supervisors of the case's team.
 */
class HeatedCaseTests extends ApiTestBase {

    @Autowired
    MessageScoring scoring;

    @Test
    void aHeatedMessageFlagsTheCaseRaisesItsPriorityOnceAndAlertsTheTeamsSupervisors() {
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var otherSupervisor = newAgent("supervisor", newTeam());
        UUID caseId = openCaseFor(agent.api(), team, "I can't change my gender on the account form.");

        var received = agent.api()
                .post(
                        "/api/v1/cases/" + caseId + "/messages",
                        Map.of("body", "I AM A WOMAN! STOP CHANGING MY GENDER!"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);

        var trend = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> agent.api()
                                .get("/api/v1/cases/" + caseId + "/frustration")
                                .json(),
                        t -> t.get("heated").asBoolean());
        assertThat(trend.get("messages")).hasSize(2);
        assertThat(trend.get("latest").get("level").asString()).isEqualTo("heated");
        assertThat(trend.get("latest").get("signals").valueStream().map(JsonNode::asString))
                .contains("shouting");
        assertThat(agent.api()
                        .get("/api/v1/cases/" + caseId)
                        .json()
                        .get("priority")
                        .asString())
                .isEqualTo("high");
        assertThat(escalations(agent.api(), caseId))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.get("data").get("reason").asString()).contains("shouting"));
        var alerts = supervisor.api().get("/api/v1/assist/alerts").json();
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.get("caseId").asString()).isEqualTo(caseId.toString());
            assertThat(alert.get("score").asInt()).isGreaterThanOrEqualTo(50);
        });
        assertThat(otherSupervisor
                        .api()
                        .get("/api/v1/assist/alerts")
                        .json()
                        .valueStream()
                        .filter(a -> a.get("caseId").asString().equals(caseId.toString())))
                .isEmpty();

        // The event delivered again, and another heated message while the case is heated: nothing more.
        var heatedEntry =
                UUID.fromString(trend.get("messages").get(1).get("entryId").asString());
        scoring.score(new CaseId(caseId), heatedEntry);
        agent.api().post("/api/v1/cases/" + caseId + "/messages", Map.of("body", "This is a f***ing joke!!!"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> agent.api()
                                .get("/api/v1/cases/" + caseId + "/frustration")
                                .json()
                                .get("messages")
                                .size()
                        == 3);
        assertThat(agent.api()
                        .get("/api/v1/cases/" + caseId)
                        .json()
                        .get("priority")
                        .asString())
                .isEqualTo("high");
        assertThat(escalations(agent.api(), caseId)).hasSize(1);
        assertThat(supervisor.api().get("/api/v1/assist/alerts").json()).hasSize(1);
    }

    @Test
    void aRequestForASupervisorIsRaisedEvenWhenPolite() {
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        UUID caseId = openCaseFor(agent.api(), team, "Could I please speak to a supervisor about my refund?");

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        supervisor.api().get("/api/v1/assist/alerts").json().size() == 1);
        var alert = supervisor.api().get("/api/v1/assist/alerts").json().get(0);
        assertThat(alert.get("supervisorRequested").asBoolean()).isTrue();
        assertThat(supervisor
                        .api()
                        .get("/api/v1/assist/heated")
                        .json()
                        .valueStream()
                        .map(h -> h.get("caseId").asString()))
                .contains(caseId.toString());

        var acknowledged =
                supervisor.api().post("/api/v1/assist/alerts/" + alert.get("id").asString() + "/acknowledgement", null);
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        assertThat(acknowledged.json().get("acknowledgedAt").isNull()).isFalse();
        assertThat(supervisor.api().get("/api/v1/assist/alerts").json()).isEmpty();
        assertThat(supervisor.api().get("/api/v1/assist/alerts?all=true").json())
                .hasSize(1);
        assertThat(agent.api()
                        .post("/api/v1/assist/alerts/" + alert.get("id").asString() + "/acknowledgement", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aClearedCaseIsRaisedAgainByTheNextHeatedMessage() {
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        UUID caseId = openCaseFor(agent.api(), team, "Get me your manager. NOW.");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> agent.api()
                        .get("/api/v1/cases/" + caseId + "/frustration")
                        .json()
                        .get("heated")
                        .asBoolean());

        assertThat(agent.api().delete("/api/v1/cases/" + caseId + "/heated").status())
                .isEqualTo(403);
        var cleared = supervisor.api().delete("/api/v1/cases/" + caseId + "/heated");
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.json().get("heated").asBoolean()).isFalse();

        agent.api()
                .post(
                        "/api/v1/cases/" + caseId + "/messages",
                        Map.of("body", "You people are useless. I'm calling my lawyer."));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> agent.api()
                        .get("/api/v1/cases/" + caseId + "/frustration")
                        .json()
                        .get("heated")
                        .asBoolean());
        assertThat(agent.api()
                        .get("/api/v1/cases/" + caseId)
                        .json()
                        .get("priority")
                        .asString())
                .isEqualTo("urgent");
        assertThat(escalations(agent.api(), caseId)).hasSize(2);
    }

    @Test
    void aCalmMessageIsScoredAndChangesNothing() {
        var agent = newAgent("agent");
        UUID caseId = openCase(agent.api(), "Activation key");

        var trend = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> agent.api()
                                .get("/api/v1/cases/" + caseId + "/frustration")
                                .json(),
                        t -> t.get("messages").size() == 1);

        assertThat(trend.get("heated").asBoolean()).isFalse();
        assertThat(trend.get("latest").get("level").asString()).isEqualTo("calm");
        assertThat(agent.api()
                        .get("/api/v1/cases/" + caseId)
                        .json()
                        .get("priority")
                        .asString())
                .isEqualTo("normal");
    }

    static UUID openCaseFor(Api api, UUID team, String body) {
        var created = api.post(
                "/api/v1/cases",
                Map.of(
                        "subject",
                        "Account details",
                        "requester",
                        Map.of("email", "successful-" + UUID.randomUUID() + "@example.com", "name", "Successful Jones"),
                        "message",
                        Map.of("body", body),
                        "teamId",
                        team));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    static List<JsonNode> escalations(Api api, UUID caseId) {
        return api.get("/api/v1/cases/" + caseId)
                .json()
                .get("timeline")
                .valueStream()
                .filter(e -> "escalated".equals(e.get("eventType").asString(null)))
                .toList();
    }
}
