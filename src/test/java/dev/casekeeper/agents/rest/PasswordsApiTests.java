package dev.casekeeper.agents.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Passwords over the API: an agent changes their own; an admin resets another's to a generated one. */
class PasswordsApiTests extends ApiTestBase {

    static final String NEW_PASSWORD = "another long enough password";

    @Test
    void anAgentChangesTheirOwnPassword() {
        var agent = newAgent("agent");
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);

        var changed = agent.api()
                .post("/api/v1/agents/me/password", Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD));

        assertThat(changed.status()).isEqualTo(204);
        assertThat(anonymous()
                        .withBasic(agent.email(), NEW_PASSWORD)
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(201);
        assertThat(anonymous()
                        .withBasic(agent.email(), PASSWORD)
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(401);
        assertThat(browser.get("/account").location())
                .as("browser sign-ins end")
                .endsWith("/login");
        assertThat(agent.api().get("/api/v1/agents/me").status())
                .as("tokens keep working")
                .isEqualTo(200);
    }

    @Test
    void aCommonNewPasswordIsRefusedSayingWhyAndTheOldOneStays() {
        var agent = newAgent("agent");

        var common = agent.api()
                .post(
                        "/api/v1/agents/me/password",
                        Map.of("currentPassword", PASSWORD, "newPassword", "Password2024!"));

        assertProblem(common, 400, "invalid-input");
        assertThat(fieldsNamed(common)).containsExactly("newPassword");
        assertThat(common.json().get("errors").get(0).get("message").asString()).contains("most common passwords");
        assertThat(anonymous()
                        .withBasic(agent.email(), PASSWORD)
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aWrongCurrentPasswordOrAShortNewOneIsRefusedNamingTheField() {
        var agent = newAgent("agent");

        var wrong = agent.api()
                .post("/api/v1/agents/me/password", Map.of("currentPassword", "guess", "newPassword", NEW_PASSWORD));
        var tooShort = agent.api()
                .post("/api/v1/agents/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "short"));
        var missing = agent.api().post("/api/v1/agents/me/password", Map.of("newPassword", NEW_PASSWORD));

        assertProblem(wrong, 400, "invalid-input");
        assertThat(fieldsNamed(wrong)).containsExactly("currentPassword");
        assertProblem(tooShort, 400, "invalid-input");
        assertThat(fieldsNamed(tooShort)).containsExactly("newPassword");
        assertProblem(missing, 400, "invalid-input");
        assertThat(fieldsNamed(missing)).containsExactly("currentPassword");
        assertThat(anonymous()
                        .withBasic(agent.email(), PASSWORD)
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void anAdminResetsAPasswordAndGetsTheNewOneOnce() {
        var agent = newAgent("agent");

        var reset = admin().post("/api/v1/agents/" + agent.id() + "/password-reset", null);

        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.header("Cache-Control")).contains("no-store");
        String password = reset.json().get("password").asString();
        assertThat(reset.json().get("changeRequired").asBoolean()).isTrue();
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        assertThat(anonymous()
                        .withBasic(agent.email(), password)
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(201);
        assertThat(anonymous()
                        .withBasic(agent.email(), PASSWORD)
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(401);
        assertThat(admin().get("/api/v1/agents/" + agent.id()).text()).doesNotContain(password);
    }

    @Test
    void resettingAnUnknownAgentIsNotFound() {
        assertProblem(admin().post("/api/v1/agents/" + UUID.randomUUID() + "/password-reset", null), 404, "not-found");
    }

    @Test
    void onlyAdminsResetPasswords() {
        var agent = newAgent("agent");
        var supervisor = newAgent("supervisor");

        assertProblem(
                supervisor.api().post("/api/v1/agents/" + agent.id() + "/password-reset", null), 403, "forbidden");
        assertThat(anonymous()
                        .withBasic(agent.email(), PASSWORD)
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void anAdminRenamesATeamButNotToATakenName() {
        UUID team = newTeam();
        String taken = "Taken " + UUID.randomUUID();
        admin().post("/api/v1/teams", Map.of("name", taken));
        String name = "Renamed " + UUID.randomUUID();

        var renamed = admin().patch("/api/v1/teams/" + team, Map.of("name", name));
        var refused = admin().patch("/api/v1/teams/" + team, Map.of("name", taken.toLowerCase()));
        var blank = admin().patch("/api/v1/teams/" + team, Map.of("name", " "));

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo(name);
        assertProblem(refused, 409, "team-name-taken");
        assertProblem(blank, 400, "invalid-input");
        assertThat(admin().get("/api/v1/teams/" + team).json().get("name").asString())
                .isEqualTo(name);
    }

    @Test
    void anAdminChangesAnAgentsEmailButNotToATakenOne() {
        var agent = newAgent("agent");
        var other = newAgent("agent");
        String email = "changed-" + UUID.randomUUID() + "@casekeeper.test";

        var changed = admin().patch("/api/v1/agents/" + agent.id(), Map.of("email", email.toUpperCase()));
        var refused = admin().patch("/api/v1/agents/" + agent.id(), Map.of("email", other.email()));
        var malformed = admin().patch("/api/v1/agents/" + agent.id(), Map.of("email", "nobody"));

        assertThat(changed.json().get("email").asString()).isEqualTo(email);
        assertProblem(refused, 409, "agent-email-taken");
        assertProblem(malformed, 400, "invalid-input");
        assertThat(anonymous()
                        .withBasic(email, PASSWORD)
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(201);
    }
}
