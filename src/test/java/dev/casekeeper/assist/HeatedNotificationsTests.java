package dev.casekeeper.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.support.ApiTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A case turning heated reaches its team's supervisors as a workspace notification, once. */
class HeatedNotificationsTests extends ApiTestBase {

    @Autowired
    HeatedNotifications notifications;

    @Test
    void theTeamsSupervisorIsNotifiedOnceAndTheAgentIsNot() {
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Cancelled order",
                                "requester",
                                Map.of("email", "heated-" + UUID.randomUUID() + "@example.com", "name", "Rosa Diaz"),
                                "message",
                                Map.of("body", "I want to speak to your supervisor. NOW!!!"),
                                "teamId",
                                team));
        UUID caseId = UUID.fromString(created.json().get("id").asString());
        long number = created.json().get("number").asLong();

        var told = await().atMost(Duration.ofSeconds(10))
                .until(() -> heatedNotifications(supervisor, caseId), n -> !n.isEmpty());

        assertThat(told)
                .singleElement()
                .satisfies(n -> assertThat(n.get("text").asString())
                        .contains("#" + number, "Cancelled order", "asked for a supervisor"));
        assertThat(heatedNotifications(agent, caseId)).isEmpty();

        // The event delivered again tells nobody twice.
        var entryId = UUID.fromString(agent.api()
                .get("/api/v1/cases/" + caseId + "/frustration")
                .json()
                .get("messages")
                .get(0)
                .get("entryId")
                .asString());
        notifications.on(new CaseHeated(
                new CaseId(caseId),
                entryId,
                80,
                true,
                List.of("supervisor-request"),
                null,
                List.of(new AgentId(supervisor.id()))));
        assertThat(heatedNotifications(supervisor, caseId)).hasSize(1);
    }

    private List<JsonNode> heatedNotifications(Caller who, UUID caseId) {
        return who.api()
                .get("/api/v1/notifications?limit=100")
                .json()
                .get("items")
                .valueStream()
                .filter(n -> n.get("kind").asString().equals("case_heated"))
                .filter(n ->
                        !n.get("caseId").isNull() && n.get("caseId").asString().equals(caseId.toString()))
                .toList();
    }
}
