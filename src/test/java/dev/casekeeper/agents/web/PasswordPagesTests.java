package dev.casekeeper.agents.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An agent changes their own password on their account page; an admin resets another agent's
 * password to a generated one, shown once, which the agent must replace at their next sign-in.
 */
class PasswordPagesTests extends ApiTestBase {

    static final String NEW_PASSWORD = "a new and long enough password";

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAgentChangesTheirPasswordStaysSignedInAndTheirOtherSignInsEnd() {
        var agent = newAgent("agent");
        var laptop = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        var phone = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        laptop.get("/account");

        var changed = laptop.post(
                "/account/password",
                Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD, "repeatPassword", NEW_PASSWORD));

        assertThat(changed.location()).endsWith("/account");
        assertThat(laptop.get("/account").html().select("#notice-saved").text()).startsWith("Password changed.");
        assertThat(phone.get("/account").location()).endsWith("/login");
        assertThat(WebSession.anonymous(port)
                        .tryToSignIn(agent.email(), NEW_PASSWORD)
                        .location())
                .endsWith("/");
        assertThat(anonymous()
                        .withBasic(agent.email(), PASSWORD)
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(401);
        assertThat(agent.api().get("/api/v1/agents/me").status())
                .as("API tokens keep working")
                .isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordIsRefusedBesideItAndChangesNothing() {
        var agent = newAgent("agent");
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        browser.get("/account");

        var refused = browser.post(
                "/account/password",
                Map.of(
                        "currentPassword",
                        "not my password",
                        "newPassword",
                        NEW_PASSWORD,
                        "repeatPassword",
                        NEW_PASSWORD));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#current-password-error").text()).isEqualTo("is not your current password");
        assertThat(refused.html().select("#current-password").attr("value")).isEmpty();
        assertThat(refused.html().select("#new-password").attr("value")).isEmpty();
        assertThat(anonymous()
                        .withBasic(agent.email(), PASSWORD)
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aShortNewPasswordAndAMismatchedRepeatAreNamed() {
        var agent = newAgent("agent");
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        browser.get("/account");

        var tooShort = browser.post(
                "/account/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "short", "repeatPassword", "short"));
        var mismatched = browser.post(
                "/account/password",
                Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD, "repeatPassword", NEW_PASSWORD + "?"));
        var same = browser.post(
                "/account/password",
                Map.of("currentPassword", PASSWORD, "newPassword", PASSWORD, "repeatPassword", PASSWORD));

        assertThat(tooShort.html().select("#new-password-error").text())
                .isEqualTo("must be at least 12 characters long");
        assertThat(mismatched.html().select("#repeat-password-error").text())
                .isEqualTo("The two new passwords differ.");
        assertThat(same.html().select("#new-password-error").text())
                .isEqualTo("must differ from your current password");
        assertThat(anonymous()
                        .withBasic(agent.email(), PASSWORD)
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aCommonRepeatedOrSequentialNewPasswordIsRefusedSayingWhyBesideTheField() {
        var agent = newAgent("agent");
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        browser.get("/account");

        var common = browser.post(
                "/account/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "password1234", "repeatPassword", "password1234"));
        var repeated = browser.post(
                "/account/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "aaaaaaaaaaaa", "repeatPassword", "aaaaaaaaaaaa"));
        var sequence = browser.post(
                "/account/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "123456789012", "repeatPassword", "123456789012"));

        assertThat(common.status()).isEqualTo(422);
        assertThat(common.html().select("#new-password-error").text())
                .isEqualTo(
                        "is one of the most common passwords, or one of them with digits or symbols added; choose another");
        assertThat(repeated.html().select("#new-password-error").text())
                .isEqualTo("repeats itself (like aaaaa or abcabc); choose something less predictable");
        assertThat(sequence.html().select("#new-password-error").text())
                .isEqualTo(
                        "contains a simple sequence (like 12345, abcde or qwerty); choose something less predictable");
        assertThat(anonymous()
                        .withBasic(agent.email(), PASSWORD)
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void anAdminResetsAPasswordShownOnceAndTheAgentsSignInsEnd() {
        var agent = newAgent("agent");
        var theirs = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        var admin = WebSession.anonymous(port).signIn(newAgent("admin").email(), PASSWORD);
        admin.get("/admin/agents/" + agent.id());

        var reset = admin.post("/admin/agents/" + agent.id() + "/password-reset", Map.of());

        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.header("Cache-Control")).contains("no-store");
        String password = reset.html().select("#reset-password-value").attr("value");
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        assertThat(admin.get("/admin/agents/" + agent.id()).body()).doesNotContain(password);
        assertThat(theirs.get("/account").location()).endsWith("/login");
        assertThat(anonymous()
                        .withBasic(agent.email(), PASSWORD)
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(401);
        assertThat(agent.api().get("/api/v1/agents/me").status())
                .as("API tokens keep working")
                .isEqualTo(200);
    }

    @Test
    void anAgentWithAResetPasswordMustChooseTheirOwnBeforeAnythingElse() {
        var agent = newAgent("agent");
        var admin = WebSession.anonymous(port).signIn(newAgent("admin").email(), PASSWORD);
        admin.get("/admin/agents/" + agent.id());
        String temporary = admin.post("/admin/agents/" + agent.id() + "/password-reset", Map.of())
                .html()
                .select("#reset-password-value")
                .attr("value");
        var browser = WebSession.anonymous(port).signIn(agent.email(), temporary);

        assertThat(browser.get("/").location()).endsWith("/account");
        assertThat(browser.get("/views/open").location()).endsWith("/account");
        assertThat(browser.getPart("/views/counts").header("HX-Redirect")).isEqualTo("/account");
        var account = browser.get("/account");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.html().select("#password-required")).isNotEmpty();
        assertThat(account.html().select("#my-tokens")).isEmpty();

        browser.post(
                "/account/password",
                Map.of("currentPassword", temporary, "newPassword", NEW_PASSWORD, "repeatPassword", NEW_PASSWORD));

        assertThat(browser.get("/account").html().select("#password-required")).isEmpty();
        assertThat(browser.get("/views/open").status()).isNotEqualTo(302);
    }

    @Test
    void anAdminResetsOthersPasswordsButChangesTheirOwnOnTheAccountPage() {
        var self = newAgent("admin");
        var admin = WebSession.anonymous(port).signIn(self.email(), PASSWORD);
        var page = admin.get("/admin/agents/" + self.id());
        assertThat(page.html().select("#reset-password-button")).isEmpty();

        var refused = admin.post("/admin/agents/" + self.id() + "/password-reset", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().select("#refusal").text())
                .isEqualTo("Change your own password on your account page.");
        assertThat(anonymous()
                        .withBasic(self.email(), PASSWORD)
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void anAgentIssuesAndRevokesTheirOwnTokenOnTheAccountPage() {
        var agent = newAgent("agent");
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        browser.get("/account");

        var issued = browser.post("/account/tokens", Map.of("name", "my script"));
        String token = issued.html().select("#new-token-value").attr("value");
        String id = anonymous()
                .withToken(token)
                .get("/api/v1/tokens")
                .json()
                .valueStream()
                .filter(t -> t.get("name").asString().equals("my script"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        browser.post("/account/tokens/" + id + "/revocation", Map.of());

        assertThat(issued.status()).isEqualTo(201);
        assertThat(browser.get("/account").body()).doesNotContain(token).doesNotContain("my script");
        assertThat(anonymous().withToken(token).get("/api/v1/tokens").status()).isEqualTo(401);
    }

    @Test
    void anAgentCannotRevokeSomeoneElsesTokenFromTheirAccountPage() {
        var agent = newAgent("agent");
        var other = newAgent("agent");
        String theirs =
                other.api().get("/api/v1/tokens").json().get(0).get("id").asString();
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        browser.get("/account");

        var refused = browser.post("/account/tokens/" + theirs + "/revocation", Map.of());

        assertThat(refused.status()).isEqualTo(404);
        assertThat(other.api().get("/api/v1/agents/me").status()).isEqualTo(200);
    }
}
