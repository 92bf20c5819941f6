package dev.casekeeper.routing.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Holds, transfers, invitations and supervisor requests over real HTTP, and what the API refuses. */
class LiveContactsApiTests extends ApiTestBase {

    /** An agent of the team, available, with a chat they accepted: the contact's id. */
    private String acceptedChat(Api agent, UUID team) {
        agent.send("PUT", "/api/v1/routing/me/presence", Map.of("presence", "available"));
        var caseId = openCase(agent, team, "Router keeps rebooting");
        var queued = agent.post("/api/v1/routing/contacts", Map.of("caseId", caseId, "channel", "chat"));
        // A sweep dispatching at the same moment may hold the contact's lock and make the offer itself.
        var offered = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> agent.get("/api/v1/routing/contacts/"
                                        + queued.json().get("id").asString())
                                .json(),
                        c -> c.get("state").asString().equals("offered"));
        var accepted =
                agent.post("/api/v1/routing/offers/" + offered.get("offerId").asString() + "/accept", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return accepted.json().get("id").asString();
    }

    /** The contact's agent invites the colleague (a warm transfer): the created invitation. */
    private static Api.Response invite(Caller agent, String contact, Caller colleague) {
        var invited = agent.api()
                .post(
                        "/api/v1/routing/contacts/" + contact + "/invitations",
                        Map.of(
                                "agentId",
                                colleague.id(),
                                "reason",
                                "Router specialist",
                                "summary",
                                "Model X200 reboots every 5 min"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        return invited;
    }

    @Test
    void anAgentHoldsAndResumesTheirContactAndSupervisorsSeeTheHold() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var contact = acceptedChat(agent.api(), team);

        var held = agent.api().post("/api/v1/routing/contacts/" + contact + "/hold", null);
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.json().get("hold").get("limitSeconds").asLong()).isEqualTo(60);
        var holds = newAgent("supervisor").api().get("/api/v1/routing/holds").json();
        assertThat(holds.valueStream().map(h -> h.get("contactId").asString())).contains(contact);

        var resumed = agent.api().post("/api/v1/routing/contacts/" + contact + "/resume", null);
        assertThat(resumed.json().get("hold").isNull()).isTrue();
        assertThat(resumed.json().get("holdCount").asInt()).isEqualTo(1);
    }

    @Test
    void someoneNotOnTheContactIsRefusedAndOutsidersDoNotFindIt() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var teammate = newAgent("agent", team);
        var outsider = newAgent("agent", newTeam());
        var contact = acceptedChat(agent.api(), team);

        assertProblem(teammate.api().post("/api/v1/routing/contacts/" + contact + "/hold", null), 403, "forbidden");
        assertThat(outsider.api()
                        .post("/api/v1/routing/contacts/" + contact + "/hold", null)
                        .status())
                .isEqualTo(404);
        assertThat(outsider.api()
                        .get("/api/v1/routing/contacts/" + contact + "/participants")
                        .status())
                .isEqualTo(404);
        assertThat(agent.api()
                        .get("/api/v1/routing/contacts/" + contact + "/live")
                        .json()
                        .get("hold")
                        .isNull())
                .isTrue();
    }

    @Test
    void aTransferWithoutAReasonOrSummaryIsAProblemAndChangesNothing() {
        var team = newTeam();
        var other = newTeam();
        var agent = newAgent("agent", team);
        var contact = acceptedChat(agent.api(), team);

        assertProblem(
                agent.api()
                        .post(
                                "/api/v1/routing/contacts/" + contact + "/transfer",
                                Map.of("teamId", other, "reason", "Billing")),
                400,
                "invalid-input");
        assertProblem(
                agent.api()
                        .post(
                                "/api/v1/routing/contacts/" + contact + "/transfer",
                                Map.of("teamId", UUID.randomUUID(), "reason", "Billing", "summary", "Order 1")),
                400,
                "invalid-input");
        assertThat(agent.api()
                        .get("/api/v1/routing/contacts/" + contact)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("accepted");

        var moved = agent.api()
                .post(
                        "/api/v1/routing/contacts/" + contact + "/transfer",
                        Map.of("teamId", other, "reason", "Billing", "summary", "Order 4411 charged twice"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("teamId").asString()).isEqualTo(other.toString());
        assertThat(moved.json().get("state").asString()).isEqualTo("waiting");
    }

    @Test
    void aColleagueIsInvitedJoinsAndTakesTheContactOver() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var colleague = newAgent("agent", team);
        var contact = acceptedChat(agent.api(), team);

        var invited = invite(agent, contact, colleague);
        var mine = colleague.api().get("/api/v1/routing/me/invitations").json();
        assertThat(mine.get(0).get("summary").asString()).contains("X200");

        var joined = colleague
                .api()
                .post("/api/v1/routing/invitations/" + invited.json().get("id").asString() + "/accept", null);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(agent.api()
                        .get("/api/v1/routing/contacts/" + contact + "/participants")
                        .json())
                .hasSize(2);

        var left = agent.api().post("/api/v1/routing/contacts/" + contact + "/leave", null);
        assertThat(left.status()).as(left.toString()).isEqualTo(200);
        assertThat(left.json().get("contact").get("agentId").asString())
                .isEqualTo(colleague.id().toString());
        assertThat(left.json().get("transfers").asInt()).isEqualTo(1);
    }

    @Test
    void theInvitingAgentTakesAnInvitationBackOnlyTheyMayAndTheColleagueCanNoLongerJoin() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var colleague = newAgent("agent", team);
        var contact = acceptedChat(agent.api(), team);
        String invitation = invite(agent, contact, colleague).json().get("id").asString();

        assertThat(colleague
                        .api()
                        .post("/api/v1/routing/invitations/" + invitation + "/withdraw", null)
                        .status())
                .isEqualTo(404);
        assertThat(newAgent("agent", team)
                        .api()
                        .post("/api/v1/routing/invitations/" + invitation + "/withdraw", null)
                        .status())
                .isEqualTo(404);
        assertThat(colleague.api().get("/api/v1/routing/me/invitations").json()).hasSize(1);

        var withdrawn = agent.api().post("/api/v1/routing/invitations/" + invitation + "/withdraw", null);
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().get("outcome").asString()).isEqualTo("withdrawn");
        assertThat(agent.api()
                        .post("/api/v1/routing/invitations/" + invitation + "/withdraw", null)
                        .status())
                .isEqualTo(200);
        assertThat(colleague.api().get("/api/v1/routing/me/invitations").json()).isEmpty();
        assertProblem(
                colleague.api().post("/api/v1/routing/invitations/" + invitation + "/accept", null),
                409,
                "invitation-withdrawn");
        assertThat(agent.api()
                        .get("/api/v1/routing/contacts/" + contact + "/participants")
                        .json())
                .hasSize(1);
    }

    @Test
    void anAgentRequestsASupervisorWhoTakesItFromTheQueue() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var caseId = openCase(agent.api(), team, "Refund refused");

        var requested = agent.api().post("/api/v1/routing/supervisor-requests", Map.of("caseId", caseId));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(200);
        var again = agent.api().post("/api/v1/routing/supervisor-requests", Map.of("caseId", caseId));
        assertThat(again.json().get("id").asString())
                .isEqualTo(requested.json().get("id").asString());
        assertThat(agent.api()
                        .get("/api/v1/cases/" + caseId)
                        .json()
                        .get("priority")
                        .asString())
                .isEqualTo("high");
        assertProblem(agent.api().post("/api/v1/routing/supervisor-requests", Map.of()), 400, "invalid-input");
        assertThat(newAgent("agent", newTeam())
                        .api()
                        .post("/api/v1/routing/supervisor-requests", Map.of("caseId", caseId))
                        .status())
                .isEqualTo(404);

        var open = supervisor.api().get("/api/v1/routing/supervisor-requests").json();
        assertThat(open.valueStream().map(r -> r.get("caseId").asString())).contains(caseId.toString());
        var taken = supervisor
                .api()
                .post(
                        "/api/v1/routing/supervisor-requests/"
                                + requested.json().get("id").asString() + "/take",
                        null);
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().get("open").asBoolean()).isFalse();
        assertThat(agent.api()
                        .get("/api/v1/cases/" + caseId)
                        .json()
                        .get("ownerId")
                        .asString())
                .isEqualTo(supervisor.id().toString());
    }
}
