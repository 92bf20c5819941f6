package dev.casekeeper.actions.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The approvals queue page: agents are refused it; a supervisor sees their team's requests only,
 * with how long each has waited; a decline without a reason comes back with why and changes nothing;
 * the case page's panel proposes an action and refuses a bad amount beside the form, and withdraws a
 * waiting one for its proposer (a colleague gets no button and is refused).
 */
class ApprovalsPageTests extends ApiTestBase {

    private record Waiting(UUID team, Caller agent, Caller supervisor, UUID caseId, long number, String actionId) {}

    private Waiting waiting() {
        var type = admin().post(
                        "/api/v1/action-types",
                        Map.of(
                                "name",
                                "Store credit " + UUID.randomUUID(),
                                "kind",
                                "store_credit",
                                "agentLimit",
                                20,
                                "supervisorLimit",
                                500))
                .json()
                .get("type")
                .get("id")
                .asString();
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var caseId = openCase(agent.api(), team, "Technician came three hours late");
        long number =
                agent.api().get("/api/v1/cases/" + caseId).json().get("number").asLong();
        var action = agent.api()
                .post(
                        "/api/v1/cases/" + caseId + "/actions",
                        Map.of("typeId", type, "amount", 40, "note", "A lost morning"))
                .json();
        return new Waiting(
                team, agent, supervisor, caseId, number, action.get("id").asString());
    }

    @Test
    void agentsAreRefusedTheQueueAndASupervisorSeesTheirTeamsRequestsWithTheirWait() {
        var waiting = waiting();
        var agent = WebSession.anonymous(port).signIn(waiting.agent().email(), PASSWORD);
        assertThat(agent.get("/approvals").status()).isEqualTo(403);

        var supervisor = WebSession.anonymous(port).signIn(waiting.supervisor().email(), PASSWORD);
        var page = supervisor.get("/approvals").html();
        var request = page.select("#approvals li[data-action=" + waiting.actionId() + "]");
        assertThat(request.text()).contains("40.00 EUR", "A lost morning", "#" + waiting.number());
        assertThat(request.select(".approval-waiting").text()).startsWith("Waiting");

        var stranger = WebSession.anonymous(port)
                .signIn(newAgent("supervisor", newTeam()).email(), PASSWORD);
        assertThat(stranger.get("/approvals").html().select("li[data-action=" + waiting.actionId() + "]"))
                .isEmpty();
    }

    @Test
    void aDeclineWithoutAReasonComesBackWithWhyAndChangesNothing() {
        var waiting = waiting();
        var supervisor = WebSession.anonymous(port).signIn(waiting.supervisor().email(), PASSWORD);
        supervisor.get("/approvals");

        var answer = supervisor.post("/approvals/" + waiting.actionId() + "/decline", Map.of("reason", ""));
        assertThat(answer.status()).isEqualTo(302);
        var page = supervisor.get("/approvals").html();
        assertThat(page.select("#approvals-refusal").text()).contains("say why");
        assertThat(waiting.agent()
                        .api()
                        .get("/api/v1/actions/" + waiting.actionId())
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("awaiting_approval");

        supervisor.post("/approvals/" + waiting.actionId() + "/decline", Map.of("reason", "Offer a visit instead"));
        assertThat(waiting.agent()
                        .api()
                        .get("/api/v1/actions/" + waiting.actionId())
                        .json()
                        .get("declineReason")
                        .asString())
                .isEqualTo("Offer a visit instead");
    }

    @Test
    void theProposerWithdrawsTheirWaitingActionFromTheCasePanelAndAColleagueHasNoButton() {
        var waiting = waiting();
        var colleague = WebSession.anonymous(port)
                .signIn(newAgent("agent", waiting.team()).email(), PASSWORD);
        var panel = "/cases/" + waiting.number() + "/actions";
        var button = "#action-withdraw-" + waiting.actionId();
        assertThat(colleague.getPart(panel).html().select(button)).isEmpty();
        colleague.get("/cases/" + waiting.number());
        var refused = colleague.post(
                panel + "/" + waiting.actionId() + "/withdrawal", Map.of(), Map.of("HX-Request", "true"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html().select("#action-refusal").text()).contains("Only the agent who proposed");

        var agent = WebSession.anonymous(port).signIn(waiting.agent().email(), PASSWORD);
        agent.get("/cases/" + waiting.number());
        assertThat(agent.getPart(panel).html().select(button)).hasSize(1);

        var answer =
                agent.post(panel + "/" + waiting.actionId() + "/withdrawal", Map.of(), Map.of("HX-Request", "true"));

        assertThat(answer.status()).isEqualTo(200);
        var item = answer.html().select("li[data-action=" + waiting.actionId() + "]");
        assertThat(item.select(".action-state").text()).isEqualTo("Withdrawn");
        assertThat(item.select(button)).isEmpty();
        var again =
                agent.post(panel + "/" + waiting.actionId() + "/withdrawal", Map.of(), Map.of("HX-Request", "true"));
        assertThat(again.status()).isEqualTo(200);
        var supervisor = WebSession.anonymous(port).signIn(waiting.supervisor().email(), PASSWORD);
        assertThat(supervisor.get("/approvals").html().select("li[data-action=" + waiting.actionId() + "]"))
                .isEmpty();
    }

    @Test
    void theCasePanelRefusesABadAmountBesideTheFormAndAddsNothing() {
        var waiting = waiting();
        var agent = WebSession.anonymous(port).signIn(waiting.agent().email(), PASSWORD);
        agent.get("/cases/" + waiting.number());
        var type = waiting.agent()
                .api()
                .get("/api/v1/actions/" + waiting.actionId())
                .json()
                .get("typeId")
                .asString();

        var refused = agent.post(
                "/cases/" + waiting.number() + "/actions",
                Map.of("typeId", type, "amount", "forty"),
                Map.of("HX-Request", "true"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#action-refusal").text()).contains("not an amount");
        assertThat(waiting.agent()
                        .api()
                        .get("/api/v1/cases/" + waiting.caseId() + "/actions")
                        .json())
                .hasSize(1);
    }
}
