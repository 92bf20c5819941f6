package dev.casekeeper.cases.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nobody sees what is not theirs: agents their teams' cases, cases of no team and their own; supervisors and admins all. */
class CaseVisibilityApiTests extends CasesApiTestBase {

    @Test
    void anAgentOfAnotherTeamIsToldTheCaseDoesNotExistWhateverTheyTry() {
        var support = newTeam();
        var billing = newTeam();
        var maria = newAgent("agent", support);
        var bob = newAgent("agent", billing);
        String id = idOf(open(maria.api(), aCase().team(support)));
        var before = read(admin(), id);
        String path = "/api/v1/cases/" + id;

        for (var response : List.of(
                bob.api().get(path),
                bob.api().get(path + "/history"),
                bob.api().get(path + "/owners"),
                bob.api().patch(path, Map.of("priority", "urgent")),
                bob.api().post(path + "/replies", Map.of("body", "Hello from billing")),
                bob.api().post(path + "/notes", Map.of("body", "Peeking")),
                bob.api().post(path + "/messages", Map.of("body", "Spoofed customer message")),
                bob.api().post(path + "/assignment", Map.of("ownerId", bob.id())),
                bob.api()
                        .post(
                                path + "/transfers",
                                Map.of("toAgentId", bob.id(), "reason", "Mine now", "summary", "Nothing")))) {
            assertProblem(response, 404, "not-found");
            assertThat(response.text()).doesNotContain("Activation key");
        }
        assertThat(read(admin(), id)).isEqualTo(before);
    }

    @Test
    void anAgentOfAnotherTeamDoesNotFindTheCaseInAnyList() {
        var support = newTeam();
        var billing = newTeam();
        var maria = newAgent("agent", support);
        var bob = newAgent("agent", billing);
        String word = uniqueWord();
        var kase = open(
                maria.api(), aCase().team(support).subject("Router " + word).tags(word));

        assertThat(ids(bob.api().get("/api/v1/cases?teamId=" + support))).isEmpty();
        assertThat(ids(bob.api().get("/api/v1/cases?q=" + word))).isEmpty();
        assertThat(ids(bob.api().get("/api/v1/cases?tag=" + word))).isEmpty();
        assertThat(ids(bob.api()
                        .get("/api/v1/cases?requesterId="
                                + kase.get("requesterId").asString())))
                .isEmpty();
        assertThat(ids(maria.api().get("/api/v1/cases?q=" + word))).containsExactly(idOf(kase));
    }

    @ParameterizedTest
    @ValueSource(strings = {"supervisor", "admin"})
    void supervisorsAndAdminsSeeEveryTeamsCases(String role) {
        var team = newTeam();
        var maria = newAgent("agent", team);
        var boss = newAgent(role);
        String word = uniqueWord();
        String id = idOf(open(maria.api(), aCase().team(team).subject("Cable technician three hours late " + word)));

        assertThat(read(boss.api(), id).get("subject").asString()).endsWith(word);
        assertThat(ids(boss.api().get("/api/v1/cases?q=" + word))).containsExactly(id);
        assertThat(ids(boss.api().get("/api/v1/cases?teamId=" + team))).containsExactly(id);
    }

    @Test
    void everyAgentSeesACaseOfNoTeam() {
        var opener = newAgent("agent", newTeam());
        var other = newAgent("agent", newTeam());
        var noTeam = newAgent("agent");
        String id = idOf(open(opener.api(), aCase()));

        assertThat(read(other.api(), id).get("id").asString()).isEqualTo(id);
        assertThat(read(noTeam.api(), id).get("id").asString()).isEqualTo(id);
    }

    @Test
    void anOwnerSeesTheirCaseEvenInAnotherTeamsQueue() {
        var support = newTeam();
        var billing = newTeam();
        var maria = newAgent("agent", support);
        var bob = newAgent("agent", billing);
        var grace = newAgent("supervisor");
        String id = idOf(open(maria.api(), aCase().team(support)));
        var assigned = grace.api().post("/api/v1/cases/" + id + "/assignment", Map.of("ownerId", bob.id()));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);

        assertThat(read(bob.api(), id).get("ownerId").asString())
                .isEqualTo(bob.id().toString());
        assertThat(ids(bob.api().get("/api/v1/cases?ownerId=" + bob.id()))).containsExactly(id);
        var reply = bob.api().post("/api/v1/cases/" + id + "/replies", Map.of("body", "I'm on it."));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    @Test
    void anAgentTakenOffATeamNoLongerSeesItsCases() {
        var team = newTeam();
        var maria = newAgent("agent", team);
        var leaver = newAgent("agent", team);
        String id = idOf(open(maria.api(), aCase().team(team)));
        assertThat(read(leaver.api(), id).get("id").asString()).isEqualTo(id);

        var removed = admin().delete("/api/v1/teams/" + team + "/members/" + leaver.id());
        assertThat(removed.status()).as(removed.toString()).isLessThan(300);

        assertProblem(leaver.api().get("/api/v1/cases/" + id), 404, "not-found");
        assertThat(ids(leaver.api().get("/api/v1/cases?teamId=" + team))).isEmpty();
    }

    @Test
    void thePreviousOwnerLosesSightOfACaseTransferredToAnotherTeam() {
        var support = newTeam();
        var billing = newTeam();
        var maria = newAgent("agent", support);
        String id = idOf(open(maria.api(), aCase().team(support)));
        maria.api().post("/api/v1/cases/" + id + "/assignment", Map.of("ownerId", maria.id()));

        var transferred = maria.api()
                .post(
                        "/api/v1/cases/" + id + "/transfers",
                        Map.of("toTeamId", billing, "reason", "Refund", "summary", "Wants a refund for order 4471."));

        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(201);
        assertProblem(maria.api().get("/api/v1/cases/" + id), 404, "not-found");
    }

    @Test
    void refusesEveryCaseCallWithoutAToken() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));
        var before = read(agent.api(), id);
        Api nobody = anonymous();

        for (var response : List.of(
                nobody.get("/api/v1/cases"),
                nobody.get("/api/v1/cases/" + id),
                nobody.patch("/api/v1/cases/" + id, Map.of("status", "solved")),
                nobody.post("/api/v1/cases/" + id + "/replies", Map.of("body", "Hi")),
                nobody.post("/api/v1/cases/" + id + "/assignment", Map.of("ownerId", UUID.randomUUID())))) {
            assertProblem(response, 401, "unauthorized");
            assertThat(response.text()).doesNotContain("Activation key");
        }
        assertThat(read(agent.api(), id)).isEqualTo(before);
    }
}
