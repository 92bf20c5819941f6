package dev.casekeeper.actions;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Approval limits per role, over the API: an agent above their limit cannot run an action, it waits
 * for a supervisor of the case's team (one of another team cannot decide it), above the supervisors'
 * limit for an admin; an approver declines with a reason; the proposer and the approvers are told;
 * every step is on the case's timeline; and a case with an open action cannot be solved. A proposal
 * still waiting is withdrawn by its proposer, a supervisor or an admin, and by nobody else. (Seed: the
 * wrong order that "nothing can be done" about.)
 */
class ActionApprovalTests extends ApiTestBase {

    /** A desk of one team: an agent and a supervisor of it, a case of it, and a refund action (50 / 500). */
    private record Desk(UUID team, Caller agent, Caller supervisor, UUID caseId, String refundId) {}

    private Desk desk() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var caseId = openCase(agent.api(), team, "Wrong item shipped for order 40-2215");
        return new Desk(team, agent, supervisor, caseId, refundType());
    }

    private String refundType() {
        var created = admin().post(
                        "/api/v1/action-types",
                        Map.of(
                                "name",
                                "Refund " + UUID.randomUUID(),
                                "kind",
                                "refund",
                                "currency",
                                "EUR",
                                "agentLimit",
                                50,
                                "supervisorLimit",
                                500));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("secret").isNull()).isTrue();
        return created.json().get("type").get("id").asString();
    }

    private static Api.Response propose(Api as, UUID caseId, String type, Object amount) {
        var body = new HashMap<String, Object>();
        body.put("typeId", type);
        body.put("amount", amount);
        body.put("fields", Map.of("order", "40-2215"));
        body.put("note", "Shipped the wrong item; she wants her money back");
        return as.post("/api/v1/cases/" + caseId + "/actions", body);
    }

    /** Proposes the action and answers its id. */
    private static String proposedId(Api as, UUID caseId, String type, Object amount) {
        var proposed = propose(as, caseId, type, amount);
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        return proposed.json().get("id").asString();
    }

    private static List<String> eventTypes(Api as, UUID caseId) {
        return as.get("/api/v1/cases/" + caseId)
                .json()
                .get("timeline")
                .valueStream()
                .filter(e -> e.get("kind").asString().equals("event"))
                .map(e -> e.get("eventType").asString())
                .toList();
    }

    private static List<JsonNode> notifications(Api as, String kind) {
        return as.get("/api/v1/notifications?limit=50")
                .json()
                .get("items")
                .valueStream()
                .filter(n -> n.get("kind").asString().equals(kind))
                .toList();
    }

    @Test
    void anAgentAboveTheirLimitCannotRunTheActionItWaitsForASupervisorOfTheTeam() {
        var desk = desk();

        var proposed = propose(desk.agent().api(), desk.caseId(), desk.refundId(), 120);

        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        var action = proposed.json();
        assertThat(action.get("state").asString()).isEqualTo("awaiting_approval");
        assertThat(action.get("approverRole").asString()).isEqualTo("supervisor");
        assertThat(action.get("amount").decimalValue()).isEqualByComparingTo("120");
        assertThat(eventTypes(desk.agent().api(), desk.caseId()))
                .contains("action_proposed")
                .doesNotContain("action_started");
        var line = desk.agent()
                .api()
                .get("/api/v1/cases/" + desk.caseId())
                .json()
                .get("timeline")
                .valueStream()
                .filter(e -> "action_proposed".equals(e.path("eventType").asString("")))
                .findFirst()
                .orElseThrow();
        assertThat(line.get("text").asString()).contains("of 120.00 EUR").contains("a supervisor of the team");

        // The agent cannot approve it themselves; the team's supervisor was asked, with the case.
        assertProblem(
                desk.agent().api().post("/api/v1/actions/" + action.get("id").asString() + "/approval", null),
                403,
                "forbidden");
        assertThat(notifications(desk.supervisor().api(), "action_approval_requested"))
                .anySatisfy(n -> assertThat(n.get("text").asString()).contains("120.00 EUR"));

        // The approvals queue shows it with its waiting time.
        var queue = desk.supervisor().api().get("/api/v1/approvals").json();
        assertThat(queue.valueStream().filter(w -> w.get("action").get("id").equals(action.get("id"))))
                .singleElement()
                .satisfies(w -> assertThat(w.get("waitingSeconds").asLong()).isNotNegative());

        var approved = desk.supervisor()
                .api()
                .post("/api/v1/actions/" + action.get("id").asString() + "/approval", null);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("state").asString()).isEqualTo("running");
        assertThat(approved.json().get("manual").asBoolean()).isTrue();
        assertThat(eventTypes(desk.agent().api(), desk.caseId()))
                .containsSubsequence("action_proposed", "action_approved", "action_started");
        assertThat(notifications(desk.agent().api(), "action_approved")).hasSize(1);

        // Done by hand, its next steps are offered to the reply.
        var done = desk.agent()
                .api()
                .post("/api/v1/actions/" + action.get("id").asString() + "/done", Map.of("result", "Refund R-5521"));
        assertThat(done.json().get("state").asString()).isEqualTo("done");
        assertThat(desk.agent()
                        .api()
                        .get("/api/v1/cases/" + desk.caseId() + "/actions/next-steps")
                        .json())
                .singleElement()
                .satisfies(s -> assertThat(s.get("text").asString())
                        .isEqualTo("The refund of 120.00 EUR reaches your card within 5 working days."));
    }

    @Test
    void withinTheirLimitAnAgentRunsTheActionAtOnce() {
        var desk = desk();

        var proposed = propose(desk.agent().api(), desk.caseId(), desk.refundId(), 34.99);

        assertThat(proposed.json().get("state").asString()).isEqualTo("running");
        assertThat(eventTypes(desk.agent().api(), desk.caseId())).contains("action_started");
        assertThat(notifications(desk.supervisor().api(), "action_approval_requested"))
                .isEmpty();
    }

    @Test
    void aSupervisorOfAnotherTeamCannotApproveAndNothingChanges() {
        var desk = desk();
        var stranger = newAgent("supervisor", newTeam());
        var id = proposedId(desk.agent().api(), desk.caseId(), desk.refundId(), 200);

        assertProblem(stranger.api().post("/api/v1/actions/" + id + "/approval", null), 403, "forbidden");
        assertProblem(
                stranger.api().post("/api/v1/actions/" + id + "/decline", Map.of("reason", "Not mine")),
                403,
                "forbidden");

        assertThat(desk.agent()
                        .api()
                        .get("/api/v1/actions/" + id)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("awaiting_approval");
        assertThat(stranger.api()
                        .get("/api/v1/approvals")
                        .json()
                        .valueStream()
                        .map(w -> w.get("action").get("id").asString()))
                .doesNotContain(id);
        assertThat(notifications(stranger.api(), "action_approval_requested")).isEmpty();
    }

    @Test
    void aboveTheSupervisorsLimitOnlyAnAdminApproves() {
        var desk = desk();
        var proposed =
                propose(desk.agent().api(), desk.caseId(), desk.refundId(), 800).json();
        assertThat(proposed.get("approverRole").asString()).isEqualTo("admin");
        String id = proposed.get("id").asString();

        assertProblem(desk.supervisor().api().post("/api/v1/actions/" + id + "/approval", null), 403, "forbidden");
        // A supervisor proposing it waits for an admin too.
        assertThat(propose(desk.supervisor().api(), desk.caseId(), desk.refundId(), 800)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("awaiting_approval");

        var approved = admin().post("/api/v1/actions/" + id + "/approval", null);
        assertThat(approved.json().get("state").asString()).isEqualTo("running");
    }

    @Test
    void anApproverDeclinesWithAReasonTheAgentIsToldAndTheCaseShowsIt() {
        var desk = desk();
        String id = proposedId(desk.agent().api(), desk.caseId(), desk.refundId(), 300);

        var noReason = desk.supervisor().api().post("/api/v1/actions/" + id + "/decline", Map.of("reason", " "));
        assertProblem(noReason, 400, "invalid-input");
        assertThat(fieldsNamed(noReason)).containsExactly("reason");

        var declined = desk.supervisor()
                .api()
                .post("/api/v1/actions/" + id + "/decline", Map.of("reason", "Offer the exchange instead"));
        assertThat(declined.json().get("state").asString()).isEqualTo("declined");
        assertThat(declined.json().get("declineReason").asString()).isEqualTo("Offer the exchange instead");
        var event = desk.agent()
                .api()
                .get("/api/v1/cases/" + desk.caseId())
                .json()
                .get("timeline")
                .valueStream()
                .filter(e -> "action_declined".equals(e.path("eventType").asString("")))
                .findFirst()
                .orElseThrow();
        assertThat(event.get("data").get("reason").asString()).isEqualTo("Offer the exchange instead");
        assertThat(notifications(desk.agent().api(), "action_declined"))
                .singleElement()
                .satisfies(n -> assertThat(n.get("text").asString()).contains("Offer the exchange instead"));
        assertProblem(desk.supervisor().api().post("/api/v1/actions/" + id + "/approval", null), 409, "action-decided");
    }

    @Test
    void aCaseCannotBeSolvedWhileAnActionIsOpen() {
        var desk = desk();
        String id = proposedId(desk.agent().api(), desk.caseId(), desk.refundId(), 300);

        var refused = desk.agent().api().patch("/api/v1/cases/" + desk.caseId(), Map.of("status", "solved"));
        assertProblem(refused, 409, "open-action");
        assertThat(refused.json().get("detail").asString()).contains("waiting for an approval");

        desk.supervisor().api().post("/api/v1/actions/" + id + "/approval", null);
        assertProblem(
                desk.agent().api().patch("/api/v1/cases/" + desk.caseId(), Map.of("status", "solved")),
                409,
                "open-action");

        desk.agent().api().post("/api/v1/actions/" + id + "/done", Map.of("result", "Refunded"));
        var solved = desk.agent().api().patch("/api/v1/cases/" + desk.caseId(), Map.of("status", "solved"));
        assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
    }

    @Test
    void theProposerWithdrawsAWaitingActionItLeavesTheQueueAndNoLongerKeepsTheCaseFromBeingSolved() {
        var desk = desk();
        String id = proposedId(desk.agent().api(), desk.caseId(), desk.refundId(), 300);
        var withdrawal = "/api/v1/actions/" + id + "/withdrawal";

        var withdrawn = desk.agent().api().post(withdrawal, null);

        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().get("state").asString()).isEqualTo("withdrawn");
        assertThat(withdrawn.json().get("decidedBy").toString())
                .contains(desk.agent().id().toString());
        assertThat(desk.supervisor()
                        .api()
                        .get("/api/v1/approvals")
                        .json()
                        .valueStream()
                        .map(w -> w.get("action").get("id").asString()))
                .doesNotContain(id);
        var event = desk.agent()
                .api()
                .get("/api/v1/cases/" + desk.caseId())
                .json()
                .get("timeline")
                .valueStream()
                .filter(e -> "action_withdrawn".equals(e.path("eventType").asString("")))
                .findFirst()
                .orElseThrow();
        assertThat(event.get("data").get("actionId").asString()).isEqualTo(id);
        assertThat(event.get("text").asString()).contains("withdrew").contains("of 300.00 EUR");
        // Their own withdrawal is news to nobody; the supervisor can no longer decide it.
        assertThat(notifications(desk.agent().api(), "action_withdrawn")).isEmpty();
        assertProblem(desk.supervisor().api().post("/api/v1/actions/" + id + "/approval", null), 409, "action-decided");
        // Again: no change.
        assertThat(desk.agent().api().post(withdrawal, null).json().get("state").asString())
                .isEqualTo("withdrawn");

        var solved = desk.agent().api().patch("/api/v1/cases/" + desk.caseId(), Map.of("status", "solved"));
        assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
    }

    /** The approvers' bell kept counting a request nobody could approve any more, and its text still asked them to. */
    @Test
    void withdrawingAnActionTakesItsApprovalRequestOutOfTheApproversBells() {
        var desk = desk();
        String id = proposedId(desk.agent().api(), desk.caseId(), desk.refundId(), 300);
        assertThat(notifications(desk.supervisor().api(), "action_approval_requested"))
                .singleElement()
                .satisfies(n -> assertThat(n.hasNonNull("readAt")).isFalse());
        long unreadBefore = unread(desk.supervisor().api());

        desk.agent().api().post("/api/v1/actions/" + id + "/withdrawal", null);

        assertThat(notifications(desk.supervisor().api(), "action_approval_requested"))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.hasNonNull("readAt")).isTrue();
                    assertThat(n.get("text").asString())
                            .contains("withdrew")
                            .contains("no longer waits for your approval")
                            .doesNotContain("asks you to approve");
                });
        assertThat(unread(desk.supervisor().api())).isEqualTo(unreadBefore - 1);
    }

    /** The other approvers' bells kept asking them to approve what a colleague had decided already. */
    @Test
    void whenOneApproverDecidesTheOtherApproversNotificationsNoLongerAskThem() {
        var desk = desk();
        var otherSupervisor = newAgent("supervisor", desk.team());
        String approvedId = proposedId(desk.agent().api(), desk.caseId(), desk.refundId(), 300);
        String declinedId = proposedId(desk.agent().api(), desk.caseId(), desk.refundId(), 200);
        assertThat(notifications(otherSupervisor.api(), "action_approval_requested"))
                .hasSize(2)
                .allSatisfy(n -> assertThat(n.hasNonNull("readAt")).isFalse());
        long unreadBefore = unread(otherSupervisor.api());

        var approved = desk.supervisor().api().post("/api/v1/actions/" + approvedId + "/approval", null);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        var declined = desk.supervisor()
                .api()
                .post("/api/v1/actions/" + declinedId + "/decline", Map.of("reason", "Already refunded by card"));
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);

        assertThat(notifications(otherSupervisor.api(), "action_approval_requested"))
                .hasSize(2)
                .allSatisfy(n -> {
                    assertThat(n.hasNonNull("readAt")).isTrue();
                    assertThat(n.get("text").asString())
                            .contains("no longer waits for your approval")
                            .doesNotContain("asks you to approve");
                })
                .anySatisfy(n -> assertThat(n.get("text").asString()).contains(" approved "))
                .anySatisfy(n -> assertThat(n.get("text").asString()).contains(" declined "));
        assertThat(unread(otherSupervisor.api())).isEqualTo(unreadBefore - 2);
    }

    private static long unread(Api as) {
        return as.get("/api/v1/notifications?limit=1").json().get("unread").asLong();
    }

    @Test
    void anotherAgentCannotWithdrawSomeoneElsesProposalButASupervisorCanAndTheProposerIsTold() {
        var desk = desk();
        var colleague = newAgent("agent", desk.team());
        String id = proposedId(desk.agent().api(), desk.caseId(), desk.refundId(), 300);
        var withdrawal = "/api/v1/actions/" + id + "/withdrawal";

        assertProblem(colleague.api().post(withdrawal, null), 403, "forbidden");
        assertThat(anonymous().post(withdrawal, null).status()).isEqualTo(401);
        assertThat(desk.agent()
                        .api()
                        .get("/api/v1/actions/" + id)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("awaiting_approval");
        assertThat(eventTypes(desk.agent().api(), desk.caseId())).doesNotContain("action_withdrawn");

        var withdrawn = desk.supervisor().api().post(withdrawal, null);

        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().get("state").asString()).isEqualTo("withdrawn");
        assertThat(notifications(desk.agent().api(), "action_withdrawn"))
                .singleElement()
                .satisfies(n -> assertThat(n.get("text").asString()).contains("withdrew"));
        // Above the supervisors' limit, an admin withdraws it too.
        String big = proposedId(desk.agent().api(), desk.caseId(), desk.refundId(), 800);
        assertThat(admin().post("/api/v1/actions/" + big + "/withdrawal", null)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("withdrawn");
    }

    @Test
    void anActionAlreadyDecidedOrRunningCannotBeWithdrawn() {
        var desk = desk();
        String approved = proposedId(desk.agent().api(), desk.caseId(), desk.refundId(), 300);
        desk.supervisor().api().post("/api/v1/actions/" + approved + "/approval", null);
        String declined = proposedId(desk.agent().api(), desk.caseId(), desk.refundId(), 300);
        desk.supervisor()
                .api()
                .post("/api/v1/actions/" + declined + "/decline", Map.of("reason", "Offer the exchange instead"));
        String alone = proposedId(desk.agent().api(), desk.caseId(), desk.refundId(), 20);

        var running = desk.agent().api().post("/api/v1/actions/" + approved + "/withdrawal", null);
        assertProblem(running, 409, "action-decided");
        assertThat(running.json().get("detail").asString()).contains("running");
        assertProblem(
                desk.agent().api().post("/api/v1/actions/" + declined + "/withdrawal", null), 409, "action-decided");
        assertProblem(admin().post("/api/v1/actions/" + alone + "/withdrawal", null), 409, "action-decided");

        assertThat(desk.agent()
                        .api()
                        .get("/api/v1/cases/" + desk.caseId() + "/actions")
                        .json()
                        .valueStream()
                        .map(a -> a.get("state").asString()))
                .containsExactly("running", "declined", "running");
        assertThat(eventTypes(desk.agent().api(), desk.caseId())).doesNotContain("action_withdrawn");
    }

    @Test
    void badProposalsAreRefusedNamingTheFieldAndAddNothing() {
        var desk = desk();
        var api = desk.agent().api();

        assertThat(fieldsNamed(propose(api, desk.caseId(), desk.refundId(), -5)))
                .containsExactly("amount");
        assertThat(fieldsNamed(propose(api, desk.caseId(), desk.refundId(), 1.005)))
                .containsExactly("amount");
        assertThat(fieldsNamed(propose(api, desk.caseId(), UUID.randomUUID().toString(), 5)))
                .containsExactly("typeId");
        assertThat(fieldsNamed(api.post(
                        "/api/v1/cases/" + desk.caseId() + "/actions",
                        Map.of("typeId", desk.refundId(), "amount", 5, "fields", Map.of("colour", "blue")))))
                .containsExactly("fields");
        assertThat(fieldsNamed(api.post(
                        "/api/v1/cases/" + desk.caseId() + "/actions", Map.of("typeId", desk.refundId(), "amount", 5))))
                .containsExactly("fields.order");
        assertThat(fieldsNamed(admin().post(
                                "/api/v1/action-types",
                                Map.of(
                                        "name",
                                        "Limits " + UUID.randomUUID(),
                                        "kind",
                                        "refund",
                                        "agentLimit",
                                        600,
                                        "supervisorLimit",
                                        500))))
                .containsExactly("supervisorLimit");
        assertThat(fieldsNamed(admin().post(
                                "/api/v1/action-types",
                                Map.of(
                                        "name",
                                        "Hook " + UUID.randomUUID(),
                                        "kind",
                                        "refund",
                                        "endpointUrl",
                                        "http://169.254.169.254/x"))))
                .containsExactly("endpointUrl");
        assertProblem(
                desk.agent().api().post("/api/v1/action-types", Map.of("name", "Mine", "kind", "refund")),
                403,
                "forbidden");

        assertThat(api.get("/api/v1/cases/" + desk.caseId() + "/actions").json())
                .isEmpty();
    }
}
