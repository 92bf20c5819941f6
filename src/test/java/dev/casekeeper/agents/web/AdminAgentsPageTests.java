package dev.casekeeper.agents.web;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Admins add agents, change their email, name, role and teams, and deactivate and reactivate them. */
class AdminAgentsPageTests extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private WebSession admin;

    @BeforeEach
    void signInAsAdmin() {
        admin = WebSession.anonymous(port).signIn(newAgent("admin").email(), PASSWORD);
    }

    @Test
    void anAdminAddsAnAgentAndSeesTheGeneratedPasswordOnce() {
        UUID team = newTeam();
        String email = "new-" + UUID.randomUUID() + "@casekeeper.test";
        admin.get("/admin/agents/new");

        var created = admin.post(
                "/admin/agents",
                Map.of(
                        "email",
                        email,
                        "name",
                        "Lena Brooks",
                        "role",
                        "supervisor",
                        "teamIds",
                        team.toString(),
                        "password",
                        ""));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.header("Cache-Control")).contains("no-store");
        String password = created.html().select("#new-password-value").attr("value");
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        var agent = admin().get("/api/v1/agents")
                .json()
                .valueStream()
                .filter(a -> a.get("email").asString().equals(email))
                .findFirst()
                .orElseThrow();
        assertThat(agent.get("role").asString()).isEqualTo("supervisor");
        assertThat(agent.get("teamIds").get(0).asString()).isEqualTo(team.toString());
        var page = admin.get("/admin/agents/" + agent.get("id").asString());
        assertThat(page.body()).doesNotContain(password);
        assertThat(page.html().select("#password-temporary")).isNotEmpty();
        assertThat(WebSession.anonymous(port).tryToSignIn(email, password).location())
                .endsWith("/");
    }

    @Test
    void aNewAgentWithAGivenPasswordChoosesTheirOwnAtFirstSignIn() {
        String email = "typed-" + UUID.randomUUID() + "@casekeeper.test";
        admin.get("/admin/agents/new");
        admin.post(
                "/admin/agents",
                Map.of("email", email, "name", "Omar Said", "role", "agent", "password", "a password the admin typed"));

        var browser = WebSession.anonymous(port).signIn(email, "a password the admin typed");

        var workspace = browser.get("/");
        assertThat(workspace.status()).isEqualTo(302);
        assertThat(workspace.location()).endsWith("/account");
        assertThat(browser.get("/account").html().select("#password-required").text())
                .isEqualTo("Your password was set by someone else. Choose your own before you go on.");
    }

    @Test
    void aCommonTypedPasswordIsRefusedSayingWhyAndNoAgentIsMade() {
        admin.get("/admin/agents/new");
        String email = "common-" + UUID.randomUUID() + "@casekeeper.test";

        var refused = admin.post(
                "/admin/agents",
                Map.of("email", email, "name", "Deon Carter", "role", "agent", "password", "iloveyou1234"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#password-error").text())
                .isEqualTo(
                        "is one of the most common passwords, or one of them with digits or symbols added; choose another");
        assertThat(anonymous()
                        .withBasic(email, "iloveyou1234")
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aRefusedNewAgentComesBackWithTheErrorsBesideTheFieldsAndWhatWasTyped() {
        var taken = newAgent("agent");
        admin.get("/admin/agents/new");

        var refused = admin.post(
                "/admin/agents",
                Map.of(
                        "email",
                        taken.email().toUpperCase(),
                        "name",
                        "Maria Lopez",
                        "role",
                        "agent",
                        "password",
                        "short"));

        assertThat(refused.status()).isEqualTo(422);
        var form = refused.html();
        assertThat(form.select("#password-error").text()).isEqualTo("must be at least 12 characters long");
        assertThat(form.select("#name").attr("value")).isEqualTo("Maria Lopez");
        assertThat(form.select("#password").attr("value")).isEmpty();

        var again = admin.post(
                "/admin/agents",
                Map.of("email", taken.email().toUpperCase(), "name", "Maria Lopez", "role", "agent", "password", ""));

        assertThat(again.html().select("#email-error").text())
                .isEqualTo("An agent with the email " + taken.email() + " already exists");
        assertThat(again.html().select("#email").attr("value"))
                .isEqualTo(taken.email().toUpperCase());
        assertThat(again.html().select("#email").hasClass("invalid")).isTrue();
    }

    @Test
    void blankFieldsAreNamedBesideEachField() {
        admin.get("/admin/agents/new");

        var refused = admin.post("/admin/agents", Map.of("email", "not an email", "name", " ", "role", "agent"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#email-error").text())
                .isEqualTo("Enter a valid email address, like name@example.com.");
        assertThat(refused.html().select("#name-error").text()).isEqualTo("Enter the agent’s name.");
        assertThat(refused.html().select("#email").attr("value")).isEqualTo("not an email");
        assertThat(admin().get("/api/v1/agents").text()).doesNotContain("not an email");
    }

    @Test
    void anAdminChangesAnAgentsEmailNameRoleAndTeams() {
        var agent = newAgent("agent");
        UUID first = newTeam();
        UUID second = newTeam();
        admin.get("/admin/agents/" + agent.id());
        String email = "renamed-" + UUID.randomUUID() + "@casekeeper.test";

        var saved = admin.post(
                "/admin/agents/" + agent.id(),
                form("email", email, "name", "Carla Diaz", "role", "supervisor", "teamIds", first.toString()));
        admin.post(
                "/admin/agents/" + agent.id(),
                form("email", email, "name", "Carla Diaz", "role", "supervisor", "teamIds", second.toString()));

        assertThat(saved.location()).endsWith("/admin/agents/" + agent.id());
        var page = admin.get("/admin/agents/" + agent.id());
        assertThat(page.html().select("#notice-saved").text()).isEqualTo("Changes saved.");
        var stored = admin().get("/api/v1/agents/" + agent.id()).json();
        assertThat(stored.get("email").asString()).isEqualTo(email);
        assertThat(stored.get("name").asString()).isEqualTo("Carla Diaz");
        assertThat(stored.get("role").asString()).isEqualTo("supervisor");
        assertThat(stored.get("teamIds").valueStream().map(t -> t.asString())).containsExactly(second.toString());
    }

    @Test
    void aChangeToAnEmailAnotherAgentHasChangesNothing() {
        var agent = newAgent("agent");
        var other = newAgent("agent");
        admin.get("/admin/agents/" + agent.id());

        var refused = admin.post(
                "/admin/agents/" + agent.id(), form("email", other.email(), "name", "Someone Else", "role", "admin"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#email-error").text()).contains("already exists");
        assertThat(refused.html().select("#name").attr("value")).isEqualTo("Someone Else");
        var stored = admin().get("/api/v1/agents/" + agent.id()).json();
        assertThat(stored.get("email").asString()).isEqualTo(agent.email());
        assertThat(stored.get("role").asString()).isEqualTo("agent");
    }

    @Test
    void deactivatingAnAgentEndsTheirSessionsAndTheirTokensAtOnce() {
        var agent = newAgent("agent");
        var theirBrowser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        assertThat(theirBrowser.get("/account").status()).isEqualTo(200);
        admin.get("/admin/agents/" + agent.id());

        var deactivated = admin.post("/admin/agents/" + agent.id() + "/deactivation", Map.of());

        assertThat(deactivated.location()).endsWith("/admin/agents/" + agent.id());
        assertThat(sessionsOf(agent.id())).isZero();
        assertThat(theirBrowser.get("/account").location()).endsWith("/login");
        assertProblem(agent.api().get("/api/v1/cases"), 401, "invalid-token");
        assertProblem(anonymous().withBasic(agent.email(), PASSWORD).post("/api/v1/tokens", null), 401, "unauthorized");
        assertThat(admin.get("/admin/agents/" + agent.id())
                        .html()
                        .select("#agent-status")
                        .text())
                .isEqualTo("Deactivated");
    }

    @Test
    void aReactivatedAgentSignsInAgainButTheirOldTokensStayRevoked() {
        var agent = newAgent("agent");
        admin.get("/admin/agents/" + agent.id());
        admin.post("/admin/agents/" + agent.id() + "/deactivation", Map.of());

        admin.post("/admin/agents/" + agent.id() + "/activation", Map.of());

        assertThat(WebSession.anonymous(port)
                        .signIn(agent.email(), PASSWORD)
                        .get("/account")
                        .status())
                .isEqualTo(200);
        assertProblem(agent.api().get("/api/v1/cases"), 401, "invalid-token");
    }

    @Test
    void anAdminCannotDeactivateThemselves() {
        var self = newAgent("admin");
        var browser = WebSession.anonymous(port).signIn(self.email(), PASSWORD);
        var page = browser.get("/admin/agents/" + self.id());
        assertThat(page.html().select("#deactivate")).isEmpty();

        var refused = browser.post("/admin/agents/" + self.id() + "/deactivation", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().select("#refusal").text())
                .isEqualTo("You cannot deactivate yourself here; another admin can.");
        assertThat(browser.get("/account").status()).isEqualTo(200);
    }

    @Test
    void theListShowsActiveAgentsAndFindsDeactivatedOnesOnRequest() {
        var active = newAgent("agent");
        var gone = newAgent("agent");
        admin().patch("/api/v1/agents/" + gone.id(), Map.of("active", false));

        var list = admin.get("/admin/agents?q=" + active.email());
        var deactivated = admin.get("/admin/agents?status=deactivated");

        assertThat(list.html().select("tr[data-agent=" + active.id() + "]")).hasSize(1);
        assertThat(admin.get("/admin/agents").html().select("tr[data-agent=" + gone.id() + "]"))
                .isEmpty();
        assertThat(deactivated.html().select("tr[data-agent=" + gone.id() + "]"))
                .hasSize(1);
        assertThat(deactivated.html().select("tr[data-agent=" + active.id() + "]"))
                .isEmpty();
    }

    private long sessionsOf(UUID agent) {
        return jdbc.sql("select count(*) from web.spring_session where principal_name = :name")
                .param("name", agent.toString())
                .query(Long.class)
                .single();
    }

    /** Form fields in order; a key may repeat (several teams). */
    private static Map<String, String> form(String... pairs) {
        var form = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }
}
