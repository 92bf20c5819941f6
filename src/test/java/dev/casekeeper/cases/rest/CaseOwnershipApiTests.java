package dev.casekeeper.cases.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.Concurrently;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** One owner per problem: assignment, transfers with a reason and a summary, and the owner history. */
class CaseOwnershipApiTests extends CasesApiTestBase {

    static final String REASON = "Customer asked for a supervisor";
    static final String SUMMARY =
            "Order 4471 shipped in blue, she ordered white. Photo sent. She was told twice nothing can be done.";

    @Test
    void assigningAnUnownedCaseGivesItItsOwnerAndRecordsIt() {
        var dispatcher = newAgent("agent");
        var maria = newAgent("agent");
        String id = idOf(open(dispatcher.api(), aCase()));

        var assigned = dispatcher.api().post("/api/v1/cases/" + id + "/assignment", Map.of("ownerId", maria.id()));

        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().get("ownerId").asString())
                .isEqualTo(maria.id().toString());
        assertThat(read(maria.api(), id).get("ownerId").asString())
                .isEqualTo(maria.id().toString());
        var event = timeline(dispatcher.api(), id).getLast();
        assertThat(event.get("eventType").asString()).isEqualTo("assigned");
        assertThat(event.get("authorId").asString()).isEqualTo(dispatcher.id().toString());
        assertThat(event.get("data").get("toAgentId").asString())
                .isEqualTo(maria.id().toString());
        assertThat(event.get("data").get("toAgentName").asString()).isEqualTo(name(maria));
        assertThat(List.of(history(dispatcher.api(), id).getLast()))
                .extracting(
                        c -> c.get("field").asString(),
                        c -> text(c.get("before")),
                        c -> c.get("after").asString())
                .containsExactly(tuple("owner", null, maria.id().toString()));
        assertThat(owners(dispatcher.api(), id))
                .extracting(
                        o -> o.get("type").asString(),
                        o -> text(o.get("fromOwnerId")),
                        o -> o.get("toOwnerId").asString(),
                        o -> o.get("byId").asString())
                .containsExactly(tuple(
                        "assigned", null, maria.id().toString(), dispatcher.id().toString()));
    }

    @Test
    void refusesToAssignAnOwnedCaseToSomeoneElseAndChangesNothing() {
        var maria = newAgent("agent");
        var priya = newAgent("agent");
        String id = idOf(open(maria.api(), aCase()));
        assign(maria.api(), id, maria.id());
        var before = read(maria.api(), id);
        var historyBefore = history(maria.api(), id);

        var refused = priya.api().post("/api/v1/cases/" + id + "/assignment", Map.of("ownerId", priya.id()));

        assertProblem(refused, 409, "case-owned");
        assertThat(refused.json().get("detail").asString()).contains("transfer");
        assertThat(read(maria.api(), id)).isEqualTo(before);
        assertThat(history(maria.api(), id)).isEqualTo(historyBefore);
        assertThat(owners(maria.api(), id)).hasSize(1);
    }

    @Test
    void assigningTheOwnerAgainRecordsNothing() {
        var maria = newAgent("agent");
        String id = idOf(open(maria.api(), aCase()));
        assign(maria.api(), id, maria.id());
        var before = read(maria.api(), id);

        var again = maria.api().post("/api/v1/cases/" + id + "/assignment", Map.of("ownerId", maria.id()));

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(read(maria.api(), id)).isEqualTo(before);
        assertThat(owners(maria.api(), id)).hasSize(1);
    }

    @Test
    void agentsClaimingOneCaseAtTheSameMomentLeaveItWithOneOwner() throws Exception {
        var agents = new ArrayList<Caller>();
        for (int i = 0; i < 5; i++) {
            agents.add(newAgent("agent"));
        }
        String id = idOf(open(agents.getFirst().api(), aCase()));
        var next = new java.util.concurrent.atomic.AtomicInteger();

        var responses = Concurrently.run(agents.size(), () -> {
            var me = agents.get(next.getAndIncrement());
            return me.api().post("/api/v1/cases/" + id + "/assignment", Map.of("ownerId", me.id()));
        });

        assertThat(responses)
                .extracting(Api.Response::status)
                .containsOnlyOnce(200)
                .containsOnly(200, 409);
        String winner = responses.stream()
                .filter(r -> r.status() == 200)
                .findFirst()
                .orElseThrow()
                .json()
                .get("ownerId")
                .asString();
        assertThat(read(agents.getFirst().api(), id).get("ownerId").asString()).isEqualTo(winner);
        assertThat(owners(agents.getFirst().api(), id)).hasSize(1);
        assertThat(history(agents.getFirst().api(), id))
                .filteredOn(c -> c.get("field").asString().equals("owner"))
                .hasSize(1);
    }

    @Test
    void refusesToAssignADeactivatedAgent() {
        var agent = newAgent("agent");
        var leaver = newAgent("agent");
        admin().patch("/api/v1/agents/" + leaver.id(), Map.of("active", false));
        String id = idOf(open(agent.api(), aCase()));

        var refused = agent.api().post("/api/v1/cases/" + id + "/assignment", Map.of("ownerId", leaver.id()));

        assertProblem(refused, 409, "agent-inactive");
        assertThat(read(agent.api(), id).get("ownerId").isNull()).isTrue();
    }

    @Test
    void refusesAnOwnerNobodyIsOrNoOwnerAtAllNamingTheField() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));

        var unknown = agent.api().post("/api/v1/cases/" + id + "/assignment", Map.of("ownerId", UUID.randomUUID()));
        var missing = agent.api().post("/api/v1/cases/" + id + "/assignment", Map.of());
        var malformed = agent.api().post("/api/v1/cases/" + id + "/assignment", Map.of("ownerId", "maria"));

        for (var refused : List.of(unknown, missing, malformed)) {
            assertProblem(refused, 400, "invalid-input");
            assertThat(fieldsNamed(refused)).containsExactly("ownerId");
        }
        assertThat(read(agent.api(), id).get("ownerId").isNull()).isTrue();
        assertThat(owners(agent.api(), id)).isEmpty();
    }

    @Test
    void aClosedCaseTakesNoAssignment() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));
        bringTo(agent.api(), id, "closed");

        assertProblem(
                agent.api().post("/api/v1/cases/" + id + "/assignment", Map.of("ownerId", agent.id())),
                409,
                "case-closed");
        assertThat(read(agent.api(), id).get("ownerId").isNull()).isTrue();
    }

    @Test
    void theOwnerTransfersToAColleagueWithReasonAndSummaryTheColleagueReadsFirst() {
        var team = newTeam();
        var maria = newAgent("agent", team);
        var priya = newAgent("agent", team);
        String id = idOf(open(maria.api(), aCase().team(team)));
        assign(maria.api(), id, maria.id());

        var transferred = maria.api()
                .post(
                        "/api/v1/cases/" + id + "/transfers",
                        Map.of("toAgentId", priya.id(), "reason", REASON, "summary", "  " + SUMMARY + "\n"));

        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(201);
        assertThat(transferred.json().get("ownerId").asString())
                .isEqualTo(priya.id().toString());
        assertThat(transferred.json().get("teamId").asString()).isEqualTo(team.toString());
        var seenByPriya = read(priya.api(), id);
        assertThat(List.copyOf(seenByPriya.propertyNames()))
                .as("the handover comes before the timeline")
                .containsSubsequence("handover", "timeline");
        var handover = seenByPriya.get("handover");
        assertThat(handover.get("reason").asString()).isEqualTo(REASON);
        assertThat(handover.get("summary").asString()).isEqualTo(SUMMARY);
        assertThat(handover.get("fromOwnerId").asString()).isEqualTo(maria.id().toString());
        assertThat(handover.get("toAgentId").asString()).isEqualTo(priya.id().toString());
        assertThat(handover.get("transferredBy").asString())
                .isEqualTo(maria.id().toString());
        var event = seenByPriya.get("timeline").get(seenByPriya.get("timeline").size() - 1);
        assertThat(event.get("eventType").asString()).isEqualTo("transferred");
        assertThat(event.get("data").get("reason").asString()).isEqualTo(REASON);
        assertThat(event.get("data").get("summary").asString()).isEqualTo(SUMMARY);
        assertThat(event.get("data").get("toAgentName").asString()).isEqualTo(name(priya));
    }

    @Test
    void theOwnerHandsTheCaseToAnAgentOfAnotherTeamAndSeesTheHandoverInTheAnswer() {
        var support = newTeam();
        var billing = newTeam();
        var maria = newAgent("agent", support);
        var bob = newAgent("agent", billing);
        String id = idOf(open(maria.api(), aCase().team(support)));
        assign(maria.api(), id, maria.id());

        var transferred = maria.api()
                .post(
                        "/api/v1/cases/" + id + "/transfers",
                        Map.of("toAgentId", bob.id(), "reason", "Refund needs billing", "summary", SUMMARY));

        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(201);
        assertThat(transferred.json().get("ownerId").asString())
                .isEqualTo(bob.id().toString());
        assertThat(transferred.json().get("teamId").asString()).isEqualTo(billing.toString());
        assertThat(transferred.json().get("handover").get("summary").asString()).isEqualTo(SUMMARY);
        assertThat(read(bob.api(), id).get("handover").get("reason").asString()).isEqualTo("Refund needs billing");
    }

    @Test
    void aTransferToATeamLeavesTheCaseUnownedInItsQueue() {
        var support = newTeam();
        var billing = newTeam();
        var maria = newAgent("agent", support);
        var bob = newAgent("agent", billing);
        String id = idOf(open(maria.api(), aCase().team(support)));
        assign(maria.api(), id, maria.id());

        var transferred = maria.api()
                .post(
                        "/api/v1/cases/" + id + "/transfers",
                        Map.of("toTeamId", billing, "reason", "Refund needs billing", "summary", SUMMARY));

        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(201);
        var seenByBob = read(bob.api(), id);
        assertThat(seenByBob.get("ownerId").isNull()).isTrue();
        assertThat(seenByBob.get("teamId").asString()).isEqualTo(billing.toString());
        assertThat(seenByBob.get("handover").get("toTeamId").asString()).isEqualTo(billing.toString());
        assertThat(seenByBob.get("handover").get("summary").asString()).isEqualTo(SUMMARY);
        assertThat(ids(bob.api().get("/api/v1/cases?teamId=" + billing))).containsExactly(id);
    }

    @Test
    void refusesATransferWithoutReasonAndSummaryNamingBothAndChangesNothing() {
        var maria = newAgent("agent");
        var priya = newAgent("agent");
        String id = idOf(open(maria.api(), aCase()));
        assign(maria.api(), id, maria.id());
        var before = read(maria.api(), id);

        var missing = maria.api().post("/api/v1/cases/" + id + "/transfers", Map.of("toAgentId", priya.id()));
        var blank = maria.api()
                .post(
                        "/api/v1/cases/" + id + "/transfers",
                        Map.of("toAgentId", priya.id(), "reason", " ", "summary", "\n"));

        for (var refused : List.of(missing, blank)) {
            assertProblem(refused, 400, "invalid-input");
            assertThat(fieldsNamed(refused)).containsExactly("reason", "summary");
        }
        assertThat(read(maria.api(), id)).isEqualTo(before);
        assertThat(owners(maria.api(), id)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"neither", "both"})
    void refusesATransferThatDoesNotNameExactlyOneReceiver(String receivers) {
        var maria = newAgent("agent");
        String id = idOf(open(maria.api(), aCase()));
        var body = new HashMap<String, Object>(Map.of("reason", REASON, "summary", SUMMARY));
        if (receivers.equals("both")) {
            body.put("toAgentId", newAgent("agent").id());
            body.put("toTeamId", newTeam());
        }

        var refused = maria.api().post("/api/v1/cases/" + id + "/transfers", body);

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("toAgentId");
        assertThat(owners(maria.api(), id)).isEmpty();
    }

    @Test
    void refusesAReceiverNobodyIsNamingTheField() {
        var maria = newAgent("agent");
        String id = idOf(open(maria.api(), aCase()));

        var noAgent = maria.api()
                .post(
                        "/api/v1/cases/" + id + "/transfers",
                        Map.of("toAgentId", UUID.randomUUID(), "reason", REASON, "summary", SUMMARY));
        var noTeam = maria.api()
                .post(
                        "/api/v1/cases/" + id + "/transfers",
                        Map.of("toTeamId", UUID.randomUUID(), "reason", REASON, "summary", SUMMARY));

        assertProblem(noAgent, 400, "invalid-input");
        assertThat(fieldsNamed(noAgent)).containsExactly("toAgentId");
        assertProblem(noTeam, 400, "invalid-input");
        assertThat(fieldsNamed(noTeam)).containsExactly("toTeamId");
        assertThat(owners(maria.api(), id)).isEmpty();
    }

    @Test
    void anAgentWhoDoesNotOwnTheCaseMayNotTransferIt() {
        var team = newTeam();
        var maria = newAgent("agent", team);
        var colleague = newAgent("agent", team);
        String id = idOf(open(maria.api(), aCase().team(team)));
        assign(maria.api(), id, maria.id());
        var before = read(maria.api(), id);

        var refused = colleague
                .api()
                .post(
                        "/api/v1/cases/" + id + "/transfers",
                        Map.of("toAgentId", colleague.id(), "reason", "I'll take it", "summary", SUMMARY));

        assertProblem(refused, 403, "forbidden");
        assertThat(read(maria.api(), id)).isEqualTo(before);
        assertThat(owners(maria.api(), id)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"supervisor", "admin"})
    void aSupervisorOrAdminMayTransferACaseTheyDoNotOwn(String role) {
        var team = newTeam();
        var maria = newAgent("agent", team);
        var priya = newAgent("agent", team);
        var boss = newAgent(role);
        String id = idOf(open(maria.api(), aCase().team(team)));
        assign(maria.api(), id, maria.id());

        var transferred = boss.api()
                .post(
                        "/api/v1/cases/" + id + "/transfers",
                        Map.of("toAgentId", priya.id(), "reason", "Maria is off sick", "summary", SUMMARY));

        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(201);
        assertThat(read(priya.api(), id).get("ownerId").asString())
                .isEqualTo(priya.id().toString());
        assertThat(read(priya.api(), id).get("handover").get("transferredBy").asString())
                .isEqualTo(boss.id().toString());
    }

    @Test
    void anyAgentWhoSeesAnUnownedCaseMayPassItOn() {
        var team = newTeam();
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));

        var transferred = agent.api()
                .post(
                        "/api/v1/cases/" + id + "/transfers",
                        Map.of("toTeamId", team, "reason", "Billing question", "summary", SUMMARY));

        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(201);
        assertThat(transferred.json().get("teamId").asString()).isEqualTo(team.toString());
    }

    @Test
    void refusesATransferToTheAgentWhoOwnsTheCase() {
        var maria = newAgent("agent");
        String id = idOf(open(maria.api(), aCase()));
        assign(maria.api(), id, maria.id());

        var refused = maria.api()
                .post(
                        "/api/v1/cases/" + id + "/transfers",
                        Map.of("toAgentId", maria.id(), "reason", REASON, "summary", SUMMARY));

        assertProblem(refused, 409, "transfer-to-owner");
        assertThat(owners(maria.api(), id)).hasSize(1);
    }

    @Test
    void refusesATransferToTheQueueTheCaseAlreadyWaitsIn() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        String id = idOf(open(agent.api(), aCase().team(team)));

        var refused = agent.api()
                .post(
                        "/api/v1/cases/" + id + "/transfers",
                        Map.of("toTeamId", team, "reason", REASON, "summary", SUMMARY));

        assertProblem(refused, 409, "transfer-to-same-queue");
        assertThat(owners(agent.api(), id)).isEmpty();
    }

    @Test
    void refusesATransferToADeactivatedAgent() {
        var maria = newAgent("agent");
        var leaver = newAgent("agent");
        admin().patch("/api/v1/agents/" + leaver.id(), Map.of("active", false));
        String id = idOf(open(maria.api(), aCase()));
        assign(maria.api(), id, maria.id());

        var refused = maria.api()
                .post(
                        "/api/v1/cases/" + id + "/transfers",
                        Map.of("toAgentId", leaver.id(), "reason", REASON, "summary", SUMMARY));

        assertProblem(refused, 409, "agent-inactive");
        assertThat(read(maria.api(), id).get("ownerId").asString())
                .isEqualTo(maria.id().toString());
    }

    @Test
    void aClosedCaseIsNotTransferred() {
        var maria = newAgent("agent");
        var priya = newAgent("agent");
        String id = idOf(open(maria.api(), aCase()));
        assign(maria.api(), id, maria.id());
        bringTo(maria.api(), id, "closed");

        var refused = maria.api()
                .post(
                        "/api/v1/cases/" + id + "/transfers",
                        Map.of("toAgentId", priya.id(), "reason", REASON, "summary", SUMMARY));

        assertProblem(refused, 409, "case-closed");
        assertThat(read(maria.api(), id).get("ownerId").asString())
                .isEqualTo(maria.id().toString());
    }

    @Test
    void theOwnerHistoryListsEveryStepOldestFirstAndTheHandoverIsTheLatest() {
        var support = newTeam();
        var billing = newTeam();
        var maria = newAgent("agent", support);
        var priya = newAgent("agent", support);
        var grace = newAgent("supervisor");
        String id = idOf(open(maria.api(), aCase().team(support)));
        assign(maria.api(), id, maria.id());
        transfer(
                maria.api(),
                id,
                Map.of(
                        "toAgentId",
                        priya.id(),
                        "reason",
                        "Shift ends",
                        "summary",
                        "Key 7F3K reissued, not yet activated."));
        transfer(
                grace.api(),
                id,
                Map.of("toTeamId", billing, "reason", "Refund", "summary", "Wants the money back for the second key."));

        var owners = owners(grace.api(), id);

        assertThat(owners)
                .extracting(
                        o -> o.get("type").asString(),
                        o -> text(o.get("fromOwnerId")),
                        o -> text(o.get("toOwnerId")),
                        o -> text(o.get("toTeamId")),
                        o -> text(o.get("reason")),
                        o -> text(o.get("summary")),
                        o -> o.get("byId").asString())
                .containsExactly(
                        tuple(
                                "assigned",
                                null,
                                maria.id().toString(),
                                null,
                                null,
                                null,
                                maria.id().toString()),
                        tuple(
                                "transferred",
                                maria.id().toString(),
                                priya.id().toString(),
                                null,
                                "Shift ends",
                                "Key 7F3K reissued, not yet activated.",
                                maria.id().toString()),
                        tuple(
                                "transferred",
                                priya.id().toString(),
                                null,
                                billing.toString(),
                                "Refund",
                                "Wants the money back for the second key.",
                                grace.id().toString()));
        assertThat(read(grace.api(), id).get("handover").get("reason").asString())
                .isEqualTo("Refund");
        assertThat(history(grace.api(), id))
                .filteredOn(c -> c.get("field").asString().equals("owner"))
                .extracting(c -> text(c.get("before")), c -> text(c.get("after")))
                .containsExactly(
                        tuple(null, maria.id().toString()),
                        tuple(maria.id().toString(), priya.id().toString()),
                        tuple(priya.id().toString(), null));
    }

    private static void assign(Api api, String caseId, UUID ownerId) {
        var assigned = api.post("/api/v1/cases/" + caseId + "/assignment", Map.of("ownerId", ownerId));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
    }

    private static JsonNode transfer(Api api, String caseId, Map<String, ?> transfer) {
        var transferred = api.post("/api/v1/cases/" + caseId + "/transfers", transfer);
        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(201);
        return transferred.json();
    }

    private static String name(Caller agent) {
        return agent.api().get("/api/v1/agents/me").json().get("name").asString();
    }
}
