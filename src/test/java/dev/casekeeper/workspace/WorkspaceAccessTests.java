package dev.casekeeper.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may open which page: signed out, an agent, a supervisor and an admin. */
class WorkspaceAccessTests extends ApiTestBase {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/views/unassigned",
                "/views/heated",
                "/cases/1001",
                "/admin",
                "/live/events",
                "/followups",
                "/notifications",
                "/cases/1001/sla",
                "/cases/1001/followups",
                "/admin/calendars",
                "/admin/policies"
            })
    void someoneSignedOutIsSentToTheSignInForm(String path) {
        var page = WebSession.anonymous(port).get(path);

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
    }

    @Test
    void aPartialPageRequestSignedOutIsToldToLoadTheSignInForm() {
        var part = WebSession.anonymous(port).getPart("/views/counts");

        assertThat(part.status()).isEqualTo(401);
        assertThat(part.header("HX-Redirect")).isEqualTo("/login");
    }

    @Test
    void theSignInFormAndStaticFilesArePublic() {
        var browser = WebSession.anonymous(port);

        assertThat(browser.get("/login").status()).isEqualTo(200);
        assertThat(browser.get("/login").html().select("form input[name=_csrf]"))
                .isNotEmpty();
        assertThat(browser.get("/images/favicon.svg").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent", "supervisor"})
    void onlyAdminsMayOpenAdminPages(String role) {
        var agent = newAgent(role);
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);

        var page = browser.get("/admin/agents");

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.html().select("h1").text()).isEqualTo("Not for your role");
    }

    @Test
    void anAdminGetsPastTheAdminRule() {
        var admin = newAgent("admin");
        var browser = WebSession.anonymous(port).signIn(admin.email(), PASSWORD);

        assertThat(browser.get("/admin/nothing-here-yet").status()).isEqualTo(404);
    }

    @Test
    void anAgentCannotOpenAnotherTeamsCaseButCanOpenTheirTeamsAndTeamlessOnes() {
        var team = newTeam();
        var otherTeam = newTeam();
        var agent = newAgent("agent", team);
        long theirs = openCaseInTeam(admin(), "Router keeps rebooting", team);
        long others = openCaseInTeam(admin(), "Refund for order 7781", otherTeam);
        long teamless = number(openCase(admin(), "Where is my parcel?"));
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);

        var refused = browser.get("/cases/" + others);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.html().select("h1").text()).isEqualTo("Not found");
        assertThat(browser.get("/cases/" + theirs).status()).isEqualTo(200);
        assertThat(browser.get("/cases/" + teamless).status()).isEqualTo(200);
        var regions = browser.getPart("/cases/" + others + "/regions");
        assertThat(regions.header("HX-Redirect"))
                .as("a page showing it goes back to the lists")
                .isEqualTo("/");
        assertThat(regions.text()).doesNotContain("Refund");
        assertThat(browser.get("/live/events?case=" + others, Map.of("Accept", "text/event-stream"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anAgentCannotActOnAnotherTeamsCase() {
        var team = newTeam();
        var agent = newAgent("agent", newTeam());
        long others = openCaseInTeam(admin(), "Invoice twice", team);
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        browser.get("/");

        var reply = browser.post("/cases/" + others + "/replies", Map.of("body", "Let me look", "seen", "1"));
        var assign = browser.post(
                "/cases/" + others + "/assignment", Map.of("agentId", agent.id().toString()));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(assign.status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/cases/" + caseId(others))
                        .json()
                        .get("timeline")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void anAgentCannotCheckToneSolveOrHandOverAnotherTeamsCase() {
        var team = newTeam();
        var agent = newAgent("agent", newTeam());
        long others = openCaseInTeam(admin(), "Invoice twice", team);
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        browser.get("/");

        var tone = browser.postPart("/cases/" + others + "/tone", Map.of("body", "You should have read the manual."));
        var closing = browser.post(
                "/cases/" + others + "/closing",
                Map.of("whatHappens", "Refund", "byWhen", "Friday", "howToCheck", "Your bank statement"));
        var colleague = browser.post(
                "/cases/" + others + "/colleague", Map.of("agentId", agent.id().toString()));

        assertThat(tone.status()).isEqualTo(404);
        assertThat(browser.getPart("/cases/" + others + "/scores/" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);
        assertThat(closing.status()).isEqualTo(404);
        assertThat(colleague.status()).isEqualTo(404);
        var kase = admin().get("/api/v1/cases/" + caseId(others)).json();
        assertThat(kase.get("timeline").size()).isEqualTo(1);
        assertThat(kase.get("status").asString()).isEqualTo("new");
    }

    @Test
    void onlySupervisorsAndAdminsOpenTheHeatedView() {
        var agent = WebSession.anonymous(port).signIn(newAgent("agent").email(), PASSWORD);
        var supervisor =
                WebSession.anonymous(port).signIn(newAgent("supervisor").email(), PASSWORD);
        var admin = WebSession.anonymous(port).signIn(newAgent("admin").email(), PASSWORD);

        assertThat(agent.get("/views/heated").status()).isEqualTo(403);
        assertThat(agent.get("/views/heated").html().select("h1").text()).isEqualTo("Not for your role");
        assertThat(supervisor.get("/views/heated").status()).isEqualTo(200);
        assertThat(admin.get("/views/heated").status()).isEqualTo(200);
    }

    @Test
    void aSupervisorOpensEveryTeamsCase() {
        var supervisor = newAgent("supervisor");
        long kase = openCaseInTeam(admin(), "Dishwasher installer never came", newTeam());
        var browser = WebSession.anonymous(port).signIn(supervisor.email(), PASSWORD);

        assertThat(browser.get("/cases/" + kase).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cases/99999999", "/cases/not-a-number", "/views/no-such-view", "/nothing-here"})
    void unknownPagesAreNotFoundPages(String path) {
        var agent = newAgent("agent");
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);

        var page = browser.get(path);

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.html().select("h1").text()).isEqualTo("Not found");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        var agent = newAgent("agent");
        long kase = number(openCase(admin(), "Blurry photos"));
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);

        var refused = browser.postRaw("/cases/" + kase + "/notes", Map.of("body", "forged"), Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(admin().get("/api/v1/cases/" + caseId(kase))
                        .json()
                        .get("timeline")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void theApiStillAnswersWithProblemDetailsAndTheApiDocsStayPublic() {
        assertThat(anonymous().get("/api/v1/cases").status()).isEqualTo(401);
        assertThat(anonymous().get("/api/v1/cases").header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous().get("/v3/api-docs").status()).isEqualTo(200);
    }

    long openCaseInTeam(dev.casekeeper.support.Api as, String subject, UUID team) {
        var created = as.post(
                "/api/v1/cases",
                Map.of(
                        "subject", subject,
                        "requester",
                                Map.of(
                                        "email",
                                        "customer-" + UUID.randomUUID() + "@example.com",
                                        "name",
                                        "Linda Smith"),
                        "message", Map.of("body", "Please help with: " + subject),
                        "tags", List.of(),
                        "teamId", team));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("number").asLong();
    }

    long number(UUID caseId) {
        return admin().get("/api/v1/cases/" + caseId).json().get("number").asLong();
    }

    UUID caseId(long number) {
        return UUID.fromString(admin().get("/api/v1/cases?q=" + number)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString());
    }
}
