package dev.casekeeper.assist.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The supervisors' view of heated cases: who may see it, take over, assign, and the agent's one-step handover. */
class HeatedCasesPageTests extends ApiTestBase {

    private static final String HEATED = "I AM A WOMAN! STOP CHANGING MY GENDER! Get me your manager NOW.";

    @Test
    void aPlainAgentIsRefusedTheHeatedViewAndItsActionsAndDoesNotSeeItInTheNav() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var kase = heatedCase(agent, team);
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);

        assertThat(browser.get("/").html().select("#view-heated")).isEmpty();
        var refused = browser.get("/views/heated");
        var takeOver = browser.post("/views/heated/" + kase.number() + "/takeover", Map.of());
        var assign = browser.post(
                "/views/heated/" + kase.number() + "/assignment",
                Map.of("agentId", agent.id().toString()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(takeOver.status()).isEqualTo(403);
        assertThat(assign.status()).isEqualTo(403);
        assertThat(caseJson(kase.id()).path("ownerId").isNull()
                        || caseJson(kase.id()).path("ownerId").isMissingNode())
                .isTrue();
    }

    @Test
    void aSupervisorSeesTheHeatedCaseAndTakesItOver() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var kase = heatedCase(agent, team);
        var browser = WebSession.anonymous(port).signIn(supervisor.email(), PASSWORD);

        var view = browser.get("/views/heated");

        assertThat(view.status()).isEqualTo(200);
        assertThat(view.html().select("#view-heated").attr("aria-current")).isEqualTo("page");
        var row = view.html().select("tr[data-number=" + kase.number() + "]");
        assertThat(row.text()).contains("Trouble with my account", "The customer asked for a supervisor.");

        var taken = browser.post("/views/heated/" + kase.number() + "/takeover", Map.of());

        assertThat(taken.status()).isEqualTo(302);
        assertThat(taken.location()).endsWith("/cases/" + kase.number());
        assertThat(caseJson(kase.id()).get("ownerId").asString())
                .isEqualTo(supervisor.id().toString());
        var transferred = caseJson(kase.id())
                .get("timeline")
                .valueStream()
                .filter(e -> !e.get("eventType").isNull()
                        && e.get("eventType").asString().equals("transferred"))
                .toList();
        assertThat(transferred)
                .singleElement()
                .satisfies(
                        e -> assertThat(e.get("data").get("summary").asString()).isNotBlank());
    }

    /**
     * Issue 15, item 9: after the supervisor took the case over, its request for a supervisor still
     * waited in the supervisors' queue, and the Heated view still offered to take over their own case.
     */
    @Test
    void takingAHeatedCaseOverAnswersItsRequestForASupervisorAndIsNotOfferedOnOnesOwnCase() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var kase = heatedCase(agent, team);
        var browser = WebSession.anonymous(port).signIn(supervisor.email(), PASSWORD);
        await().atMost(Duration.ofSeconds(20)).until(() -> openRequest(supervisor, kase));
        assertThat(browser.get("/views/heated")
                        .html()
                        .select("tr[data-number=" + kase.number() + "] form[action$=/takeover]"))
                .hasSize(1);

        browser.post("/views/heated/" + kase.number() + "/takeover", Map.of());

        await().atMost(Duration.ofSeconds(20)).until(() -> !openRequest(supervisor, kase));
        assertThat(events(kase, "supervisor_joined")).singleElement();
        var row = browser.get("/views/heated").html().select("tr[data-number=" + kase.number() + "]");
        assertThat(row.select("form[action$=/takeover]")).isEmpty();
        assertThat(row.select(".heated-yours").text()).isEqualTo("Yours");
        var panel = browser.get("/cases/" + kase.number() + "/contact/state").html();
        assertThat(panel.select("#supervisor-request").text())
                .doesNotContain("waits in the supervisors' queue")
                .contains("took the request for a supervisor");
        assertThat(browser.get("/supervisor/queues")
                        .html()
                        .select("#supervisor-requests .request-row td:first-child")
                        .eachText())
                .doesNotContain("#" + kase.number());
    }

    /**
     * A customer heated by her words alone asks for no supervisor, so no request opens; the takeover
     * still tells her case's timeline who stepped in (it recorded nothing, and the frustration report
     * counted the case as one no supervisor joined).
     */
    @Test
    void takingOverAHeatedCaseRecordsOnItsTimelineThatTheSupervisorJoined() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var kase = heatedCase(agent, team, "I AM A WOMAN! STOP CHANGING MY GENDER!");
        var browser = WebSession.anonymous(port).signIn(supervisor.email(), PASSWORD);
        browser.get("/views/heated");

        browser.post("/views/heated/" + kase.number() + "/takeover", Map.of());

        assertThat(events(kase, "supervisor_joined")).singleElement().satisfies(e -> {
            assertThat(e.get("data").get("supervisorId").asString())
                    .isEqualTo(supervisor.id().toString());
            assertThat(e.get("data").get("source").asString()).isEqualTo("heated");
        });
        assertThat(browser.get("/cases/" + kase.number()).html().text())
                .contains("Agent " + supervisor.email().substring(0, 12) + " took the heated case over");
    }

    private List<JsonNode> events(Opened kase, String type) {
        return caseJson(kase.id())
                .get("timeline")
                .valueStream()
                .filter(e -> !e.get("eventType").isNull()
                        && e.get("eventType").asString().equals(type))
                .toList();
    }

    private boolean openRequest(Caller supervisor, Opened kase) {
        return supervisor
                .api()
                .get("/api/v1/routing/supervisor-requests")
                .json()
                .valueStream()
                .anyMatch(r -> r.get("caseId").asString().equals(kase.id().toString()));
    }

    @Test
    void aSupervisorAssignsTheHeatedCaseToAColleague() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var colleague = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var kase = heatedCase(agent, team);
        var browser = WebSession.anonymous(port).signIn(supervisor.email(), PASSWORD);
        browser.get("/views/heated");

        var blank = browser.post("/views/heated/" + kase.number() + "/assignment", Map.of("agentId", ""));
        assertThat(browser.get(blank.location().replaceFirst("^https?://[^/]+", ""))
                        .html()
                        .select(".form-error")
                        .text())
                .isEqualTo("Choose the colleague who takes the case.");
        var assigned = browser.post(
                "/views/heated/" + kase.number() + "/assignment",
                Map.of("agentId", colleague.id().toString()));

        assertThat(assigned.status()).isEqualTo(302);
        assertThat(caseJson(kase.id()).get("ownerId").asString())
                .isEqualTo(colleague.id().toString());
    }

    @Test
    void theOwnerHandsAHeatedContactToAColleagueInOneAction() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var colleague = newAgent("agent", team);
        var kase = heatedCase(agent, team);
        agent.api().post("/api/v1/cases/" + kase.id() + "/assignment", Map.of("ownerId", agent.id()));
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        browser.get("/cases/" + kase.number());

        var handed = browser.postPart(
                "/cases/" + kase.number() + "/colleague",
                Map.of("agentId", colleague.id().toString(), "note", "She wants a call back."));

        assertThat(handed.status()).as(handed.toString()).isEqualTo(200);
        var json = caseJson(kase.id());
        assertThat(json.get("ownerId").asString()).isEqualTo(colleague.id().toString());
        var transferred = json.get("timeline")
                .valueStream()
                .filter(e -> !e.get("eventType").isNull()
                        && e.get("eventType").asString().equals("transferred"))
                .toList();
        assertThat(transferred)
                .singleElement()
                .satisfies(
                        e -> assertThat(e.get("data").get("summary").asString()).contains("She wants a call back."));
    }

    private record Opened(UUID id, long number) {}

    private Opened heatedCase(Caller agent, UUID team) {
        return heatedCase(agent, team, HEATED);
    }

    private Opened heatedCase(Caller agent, UUID team, String body) {
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Trouble with my account",
                                "requester",
                                Map.of("email", "heated-" + UUID.randomUUID() + "@example.com", "name", "Rosa Diaz"),
                                "message",
                                Map.of("body", body),
                                "teamId",
                                team));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var id = UUID.fromString(created.json().get("id").asString());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> agent.api()
                        .get("/api/v1/cases/" + id + "/frustration")
                        .json()
                        .get("heated")
                        .asBoolean());
        return new Opened(id, created.json().get("number").asLong());
    }

    private JsonNode caseJson(UUID caseId) {
        return admin().get("/api/v1/cases/" + caseId).json();
    }
}
