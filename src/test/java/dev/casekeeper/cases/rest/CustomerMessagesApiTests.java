package dev.casekeeper.cases.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.casekeeper.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** A customer writing again: a waiting or solved case opens again; a closed case stays closed and gets a follow-up. */
class CustomerMessagesApiTests extends CasesApiTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"pending", "on_hold", "solved"})
    void aCustomerMessageOpensACaseThatWaitedOrWasSolved(String status) {
        var agent = newAgent("agent");
        var kase = open(agent.api(), aCase());
        String id = idOf(kase);
        bringTo(agent.api(), id, status);

        var answered = customerWrites(agent.api(), id, "It stopped working again.");

        assertThat(answered.get("id").asString()).isEqualTo(id);
        assertThat(answered.get("status").asString()).isEqualTo("open");
        assertThat(answered.get("solvedAt").isNull()).isTrue();
        var timeline = timeline(agent.api(), id);
        assertThat(timeline.getLast().get("kind").asString()).isEqualTo("event");
        assertThat(timeline.getLast().get("data").get("to").asString()).isEqualTo("open");
        var message = timeline.get(timeline.size() - 2);
        assertThat(message.get("kind").asString()).isEqualTo("message_in");
        assertThat(message.get("authorKind").asString()).isEqualTo("customer");
        assertThat(message.get("authorId").asString())
                .isEqualTo(kase.get("requesterId").asString());
        assertThat(message.get("body").asString()).isEqualTo("It stopped working again.");
        assertThat(history(agent.api(), id).getLast().get("before").asString()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"new", "open"})
    void aCustomerMessageLeavesACaseNobodyWaitsOnAsItIs(String status) {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));
        bringTo(agent.api(), id, status);

        var answered = customerWrites(agent.api(), id, "Any news?");

        assertThat(answered.get("status").asString()).isEqualTo(status);
        assertThat(timeline(agent.api(), id).getLast().get("body").asString()).isEqualTo("Any news?");
    }

    @Test
    void aCustomerMessageOnAClosedCaseOpensAFollowUpLinkedToIt() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var closed = open(
                agent.api(), aCase().team(team).priority("high").tags("license").subject("Activation key lost"));
        String closedId = idOf(closed);
        bringTo(agent.api(), closedId, "closed");
        var closedBefore = read(agent.api(), closedId);

        var followUp = customerWrites(agent.api(), closedId, "The new key stopped working after the update.");

        assertThat(idOf(followUp)).isNotEqualTo(closedId);
        assertThat(followUp.get("followUpOf").asString()).isEqualTo(closedId);
        assertThat(followUp.get("status").asString()).isEqualTo("new");
        assertThat(followUp.get("number").asLong())
                .isGreaterThan(closed.get("number").asLong());
        assertThat(followUp.get("requesterId")).isEqualTo(closed.get("requesterId"));
        assertThat(followUp.get("subject").asString()).isEqualTo("Activation key lost");
        assertThat(followUp.get("teamId").asString())
                .as("lands in the same queue")
                .isEqualTo(team.toString());
        assertThat(followUp.get("tags").values()).extracting(JsonNode::asString).containsExactly("license");
        assertThat(read(agent.api(), closedId)).as("a closed case is final").isEqualTo(closedBefore);
        assertThat(timeline(agent.api(), idOf(followUp)))
                .extracting(
                        e -> e.get("kind").asString(),
                        e -> e.get("authorKind").asString(),
                        e -> e.get("authorId").asString(),
                        e -> e.get("body").asString())
                .containsExactly(tuple(
                        "message_in",
                        "customer",
                        closed.get("requesterId").asString(),
                        "The new key stopped working after the update."));
        assertThat(ids(agent.api()
                        .get("/api/v1/cases?requesterId="
                                + closed.get("requesterId").asString())))
                .containsExactly(idOf(followUp), closedId);
    }

    @Test
    void aFollowUpMovedToAnotherTeamDoesNotNameTheClosedCaseItsNewTeamMayNotOpen() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var otherTeam = newTeam();
        var otherAgent = newAgent("agent", otherTeam);
        String closedId = idOf(open(agent.api(), aCase().team(team).subject("Activation key lost")));
        bringTo(agent.api(), closedId, "closed");
        String followUpId =
                idOf(customerWrites(agent.api(), closedId, "The new key stopped working after the update."));
        var moved = agent.api()
                .post(
                        "/api/v1/cases/" + followUpId + "/transfers",
                        Map.of(
                                "toTeamId",
                                otherTeam,
                                "reason",
                                "Licensing is theirs",
                                "summary",
                                "Key stopped working after the update"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(201);
        assertThat(otherAgent.api().get("/api/v1/cases/" + closedId).status()).isEqualTo(404);

        var seenByNewTeam = otherAgent.api().get("/api/v1/cases/" + followUpId);
        var listedForNewTeam = otherAgent
                .api()
                .get("/api/v1/cases?requesterId="
                        + read(agent.api(), closedId).get("requesterId").asString());

        assertThat(seenByNewTeam.json().get("followUpOf").isNull()).isTrue();
        assertThat(seenByNewTeam.text()).doesNotContain(closedId);
        assertThat(listedForNewTeam.text()).contains(followUpId).doesNotContain(closedId);
        assertThat(read(admin(), followUpId).get("followUpOf").asString())
                .as("named to who may open it")
                .isEqualTo(closedId);
    }

    @Test
    void aFollowUpKeepsTheCustomersHtmlSanitized() {
        var agent = newAgent("agent");
        String closedId = idOf(open(agent.api(), aCase()));
        bringTo(agent.api(), closedId, "closed");

        var followUp = agent.api()
                .post(
                        "/api/v1/cases/" + closedId + "/messages",
                        Map.of("body", "Still broken", "html", "<p>Still <b>broken</b><script>alert(1)</script></p>"));

        assertThat(followUp.status()).as(followUp.toString()).isEqualTo(201);
        var message = timeline(agent.api(), idOf(followUp.json())).getFirst();
        assertThat(message.get("html").asString()).contains("<b>broken</b>").doesNotContain("script", "alert");
    }

    private static JsonNode customerWrites(Api api, String caseId, String body) {
        var written = api.post("/api/v1/cases/" + caseId + "/messages", Map.of("body", body));
        assertThat(written.status()).as(written.toString()).isEqualTo(201);
        return written.json();
    }
}
