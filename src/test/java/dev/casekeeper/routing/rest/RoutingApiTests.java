package dev.casekeeper.routing.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The routing API over real HTTP: presence, offers, queues, settings and abandoned contacts, and what it refuses. */
class RoutingApiTests extends ApiTestBase {

    @Test
    void anAvailableAgentIsOfferedAQueuedCaseAndAcceptsIt() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor");
        var changed = supervisor
                .api()
                .patch(
                        "/api/v1/routing/agents/" + agent.id(),
                        Map.of("skills", List.of("FR", "routers"), "chatCapacity", 2));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json()
                        .get("skills")
                        .valueStream()
                        .map(n -> n.asString())
                        .toList())
                .containsExactly("fr", "routers");
        assertThat(changed.json().get("chatCapacity").asInt()).isEqualTo(2);

        var present = agent.api().send("PUT", "/api/v1/routing/me/presence", Map.of("presence", "available"));
        assertThat(present.status()).as(present.toString()).isEqualTo(200);
        assertThat(present.json().get("routing").get("presence").asString()).isEqualTo("available");

        var caseId = openCase(agent.api(), team, "Router keeps rebooting");
        var queued = agent.api()
                .post(
                        "/api/v1/routing/contacts",
                        Map.of("caseId", caseId, "channel", "chat", "requiredSkills", List.of("fr")));
        assertThat(queued.status()).as(queued.toString()).isEqualTo(201);
        assertThat(queued.json().get("state").asString()).isEqualTo("offered");

        var me = agent.api().get("/api/v1/routing/me").json();
        assertThat(me.get("routing").get("chatLoad").asInt()).isEqualTo(1);
        var offerId = me.get("contacts").get(0).get("offerId").asString();
        assertThat(me.get("contacts").get(0).get("offerExpiresAt").isNull()).isFalse();

        var accepted = agent.api().post("/api/v1/routing/offers/" + offerId + "/accept", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("state").asString()).isEqualTo("accepted");
        assertThat(agent.api()
                        .get("/api/v1/cases/" + caseId)
                        .json()
                        .get("ownerId")
                        .asString())
                .isEqualTo(agent.id().toString());

        var queue = agent.api().get("/api/v1/routing/teams/" + team + "/queue");
        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        assertThat(queue.json().get("agents").get(0).get("agentId").asString())
                .isEqualTo(agent.id().toString());
    }

    @Test
    void aWaitingContactShowsItsPositionAndEstimatedWait() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var caseId = openCase(agent.api(), team, "Where is my refund");

        var queued = agent.api().post("/api/v1/routing/contacts", Map.of("caseId", caseId, "channel", "chat"));

        assertThat(queued.json().get("state").asString()).isEqualTo("waiting");
        assertThat(queued.json().get("position").asInt()).isEqualTo(1);
        assertThat(queued.json().get("estimatedWaitSeconds").asLong()).isPositive();
        var again = agent.api()
                .get("/api/v1/routing/contacts/" + queued.json().get("id").asString());
        assertThat(again.json().get("position").asInt()).isEqualTo(1);
    }

    @Test
    void aCustomerWhoLeavesAppearsOnTheSupervisorsAbandonedListWithTheirCallback() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var caseId = openCase(agent.api(), team, "Invoice paid twice");
        var contactId = agent.api()
                .post("/api/v1/routing/contacts", Map.of("caseId", caseId, "channel", "chat"))
                .json()
                .get("id")
                .asString();

        var left = agent.api()
                .post(
                        "/api/v1/routing/contacts/" + contactId + "/abandonment",
                        Map.of("callbackEmail", "maria@example.com"));

        assertThat(left.status()).as(left.toString()).isEqualTo(200);
        assertThat(left.json().get("state").asString()).isEqualTo("abandoned");
        var list = newAgent("supervisor").api().get("/api/v1/routing/abandoned");
        var entry = list.json()
                .valueStream()
                .filter(n -> n.get("id").asString().equals(contactId))
                .findFirst()
                .orElseThrow();
        assertThat(entry.get("callbackEmail").asString()).isEqualTo("maria@example.com");
        assertThat(entry.get("callbackId").isNull()).isFalse();
    }

    @Test
    void anAdminSetsAndClearsATeamsOverflow() {
        var team = newTeam();
        var overflow = newTeam();

        var set = admin().send(
                        "PUT",
                        "/api/v1/routing/teams/" + team,
                        Map.of("overflowTeamId", overflow, "overflowAfterSeconds", 120));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("overflowAfterSeconds").asLong()).isEqualTo(120);

        var cleared = admin().send("PUT", "/api/v1/routing/teams/" + team, Map.of());
        assertThat(cleared.json().get("overflowTeamId").isNull()).isTrue();
    }

    @Test
    void aSupervisorOfTheTeamSetsItsOverflowAndOtherSupervisorsAreRefused() {
        var team = newTeam();
        var overflow = newTeam();
        var own = newAgent("supervisor", team);
        var other = newAgent("supervisor", newTeam());

        var refused = other.api()
                .send(
                        "PUT",
                        "/api/v1/routing/teams/" + team,
                        Map.of("overflowTeamId", overflow, "overflowAfterSeconds", 90));
        assertProblem(refused, 403, "forbidden");
        assertThat(admin().get("/api/v1/routing/teams/" + team)
                        .json()
                        .get("overflowTeamId")
                        .isNull())
                .isTrue();

        var set = own.api()
                .send(
                        "PUT",
                        "/api/v1/routing/teams/" + team,
                        Map.of("overflowTeamId", overflow, "overflowAfterSeconds", 90));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(admin().get("/api/v1/routing/teams/" + team)
                        .json()
                        .get("overflowAfterSeconds")
                        .asLong())
                .isEqualTo(90);
        assertProblem(
                newAgent("agent", team).api().send("PUT", "/api/v1/routing/teams/" + team, Map.of()), 403, "forbidden");
    }

    @Test
    void badInputIsRefusedWithTheFieldNamedAndChangesNothing() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var caseId = openCase(agent.api(), team, "Activation key gone");

        var presence = agent.api().send("PUT", "/api/v1/routing/me/presence", Map.of("presence", "asleep"));
        assertProblem(presence, 400, "invalid-input");
        assertThat(fieldsNamed(presence)).containsExactly("presence");
        assertThat(agent.api()
                        .get("/api/v1/routing/me")
                        .json()
                        .get("routing")
                        .get("presence")
                        .asString())
                .isEqualTo("away");

        var channel = agent.api().post("/api/v1/routing/contacts", Map.of("caseId", caseId, "channel", "fax"));
        assertProblem(channel, 400, "invalid-input");
        assertThat(fieldsNamed(channel)).containsExactly("channel");

        var skills = agent.api()
                .post(
                        "/api/v1/routing/contacts",
                        Map.of("caseId", caseId, "channel", "chat", "requiredSkills", List.of("a,b")));
        assertProblem(skills, 400, "invalid-input");
        assertThat(fieldsNamed(skills)).containsExactly("requiredSkills");

        assertProblem(
                agent.api().post("/api/v1/routing/contacts", Map.of("caseId", UUID.randomUUID(), "channel", "chat")),
                404,
                "not-found");

        var capacity = admin().patch("/api/v1/routing/agents/" + agent.id(), Map.of("chatCapacity", 500));
        assertProblem(capacity, 400, "invalid-input");
        assertThat(fieldsNamed(capacity)).containsExactly("chatCapacity");

        var self = admin().send(
                        "PUT",
                        "/api/v1/routing/teams/" + team,
                        Map.of("overflowTeamId", team, "overflowAfterSeconds", 60));
        assertProblem(self, 400, "invalid-input");
        assertThat(admin().get("/api/v1/routing/teams/" + team)
                        .json()
                        .get("overflowTeamId")
                        .isNull())
                .isTrue();
    }

    @Test
    void anAgentSeesNeitherAnotherTeamsQueueNorAnswersAnotherAgentsOffer() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var stranger = newAgent("agent", newTeam());
        agent.api().send("PUT", "/api/v1/routing/me/presence", Map.of("presence", "available"));
        var caseId = openCase(agent.api(), team, "Not yours");
        var offered = agent.api()
                .post("/api/v1/routing/contacts", Map.of("caseId", caseId, "channel", "chat"))
                .json();

        assertProblem(stranger.api().get("/api/v1/routing/teams/" + team + "/queue"), 404, "not-found");
        assertProblem(
                stranger.api()
                        .get("/api/v1/routing/contacts/" + offered.get("id").asString()),
                404,
                "not-found");
        assertProblem(
                stranger.api()
                        .post("/api/v1/routing/offers/" + offered.get("offerId").asString() + "/accept", null),
                404,
                "not-found");
        assertThat(agent.api()
                        .get("/api/v1/routing/contacts/" + offered.get("id").asString())
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("offered");
    }
}
