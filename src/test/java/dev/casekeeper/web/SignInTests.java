package dev.casekeeper.web;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sign-in form, sessions kept in PostgreSQL, sign-out, lockout, and the end of a deactivated agent's sessions. */
class SignInTests extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAgentSignsInWithEmailAndPasswordAndLandsOnTheWorkspace() {
        var agent = newAgent("agent");
        var browser = WebSession.anonymous(port);

        var signIn = browser.tryToSignIn(agent.email(), PASSWORD);
        var workspace = browser.get(signIn.location().replaceFirst("^https?://[^/]+", ""));

        assertThat(signIn.status()).isEqualTo(302);
        assertThat(workspace.status()).isEqualTo(200);
        assertThat(workspace.html().select(".me-name").text()).startsWith("Agent");
        assertThat(workspace.html().select("h1").text()).isEqualTo("My open cases");
    }

    @Test
    void theSessionIsKeptInPostgreSqlUnderTheAgentsId() {
        var agent = newAgent("agent");

        WebSession.anonymous(port).signIn(agent.email(), PASSWORD);

        assertThat(sessionsOf(agent.id())).isEqualTo(1);
    }

    @Test
    void aWrongPasswordSaysSoAndKeepsTheEmailButNotThePassword() {
        var agent = newAgent("agent");
        var browser = signInFrom(randomAddress());

        var refused = browser.tryToSignIn(agent.email(), "not the password");
        var form = browser.get("/login");

        assertThat(refused.location()).endsWith("/login");
        assertThat(form.html().select("#login-error").text())
                .isEqualTo("Wrong email or password, or the account is deactivated.");
        assertThat(form.html().select("#email").attr("value")).isEqualTo(agent.email());
        assertThat(form.html().select("#password").attr("value")).isEmpty();
        assertThat(browser.get("/").location()).endsWith("/login");
    }

    @Test
    void withoutSingleSignOnConfiguredTheSignInPageHasOnlyThePasswordForm() {
        var browser = WebSession.anonymous(port);

        var form = browser.get("/login");
        var start = browser.get("/oauth2/authorization/sso");

        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html().select("#sso-sign-in")).isEmpty();
        assertThat(form.html().select("#email")).hasSize(1);
        assertThat(start.location())
                .as("nothing answers there but the sign-in page")
                .endsWith("/login");
    }

    @Test
    void theSignInFormRefusesAPostWithoutItsCsrfToken() {
        var agent = newAgent("agent");
        var browser = WebSession.anonymous(port);
        browser.get("/login");

        var refused = browser.postRaw("/login", Map.of("email", agent.email(), "password", PASSWORD), Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(browser.get("/").location()).endsWith("/login");
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        var agent = newAgent("agent");
        var attacker = signInFrom(randomAddress());
        for (int i = 0; i < 5; i++) {
            attacker.tryToSignIn(agent.email(), "guess " + i);
        }

        var owner = signInFrom(randomAddress());
        var refused = owner.tryToSignIn(agent.email(), PASSWORD);
        var form = owner.get("/login");

        assertThat(refused.location()).endsWith("/login");
        assertThat(form.html().select("#login-error").text())
                .matches("Too many failed sign-ins\\. Try again in 1[45] minutes\\.");
        assertThat(anonymous()
                        .withBasic(agent.email(), PASSWORD)
                        .post("/api/v1/tokens", null)
                        .status())
                .as("the API's sign-in counts the same failures")
                .isEqualTo(429);
    }

    @Test
    void aLockedBasicSignInAnswersTooManyRequestsWithRetryAfter() {
        var agent = newAgent("agent");
        for (int i = 0; i < 5; i++) {
            anonymous().withBasic(agent.email(), "guess " + i).post("/api/v1/tokens", null);
        }

        var locked = anonymous().withBasic(agent.email(), PASSWORD).post("/api/v1/tokens", null);

        assertProblem(locked, 429, "sign-in-locked");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 900L);
    }

    @Test
    void fewerFailuresThanTheLimitAreForgottenAfterASuccessfulSignIn() {
        var agent = newAgent("agent");
        var browser = signInFrom(randomAddress());
        for (int i = 0; i < 4; i++) {
            browser.tryToSignIn(agent.email(), "guess " + i);
        }
        browser.signIn(agent.email(), PASSWORD);
        browser.get("/");
        assertThat(browser.post("/logout", Map.of()).location()).endsWith("/login?signedOut");

        browser.tryToSignIn(agent.email(), "one more guess");

        browser.signIn(agent.email(), PASSWORD);
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddressForEveryAccount() {
        var agent = newAgent("agent");
        String address = randomAddress();
        var attacker = signInFrom(address);
        for (int i = 0; i < 50; i++) {
            attacker.tryToSignIn("nobody-" + i + "@example.com", "guess");
        }

        var refused = signInFrom(address).tryToSignIn(agent.email(), PASSWORD);

        assertThat(refused.location()).endsWith("/login");
        signInFrom(randomAddress()).signIn(agent.email(), PASSWORD);
    }

    @Test
    void aDeactivatedAgentCannotSignIn() {
        var agent = newAgent("agent");
        admin().patch("/api/v1/agents/" + agent.id(), Map.of("active", false));
        var browser = signInFrom(randomAddress());

        var refused = browser.tryToSignIn(agent.email(), PASSWORD);

        assertThat(refused.location()).endsWith("/login");
        assertThat(browser.get("/login").html().select("#login-error").text()).contains("deactivated");
    }

    @Test
    void deactivatingAnAgentEndsTheirSessionsOnEveryNode() {
        var agent = newAgent("agent");
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        assertThat(browser.get("/").status()).isEqualTo(200);

        var deactivated = admin().patch("/api/v1/agents/" + agent.id(), Map.of("active", false));

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(browser.get("/").location()).endsWith("/login");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(sessionsOf(agent.id())).isZero());
    }

    @Test
    void signingOutEndsTheSession() {
        var agent = newAgent("agent");
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        browser.get("/");

        var out = browser.post("/logout", Map.of());

        assertThat(out.location()).endsWith("/login?signedOut");
        assertThat(browser.get("/login?signedOut").text()).contains("You are signed out.");
        assertThat(browser.get("/").location()).endsWith("/login");
        assertThat(sessionsOf(agent.id())).isZero();
    }

    @Test
    void aRoleChangeAppliesToASessionAtOnce() {
        var agent = newAgent("admin");
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        assertThat(browser.get("/admin").status()).isNotEqualTo(403);

        admin().patch("/api/v1/agents/" + agent.id(), Map.of("role", "agent"));

        assertThat(browser.get("/admin").status()).isEqualTo(403);
    }

    @Test
    void theApiStaysStatelessAndCreatesNoSession() {
        var agent = newAgent("agent");

        Api.Response cases = agent.api().get("/api/v1/cases");

        assertThat(cases.status()).isEqualTo(200);
        assertThat(cases.header("Set-Cookie")).isEmpty();
        assertThat(sessionsOf(agent.id())).isZero();
    }

    private long sessionsOf(UUID agentId) {
        return jdbc.sql("select count(*) from web.spring_session where principal_name = :id")
                .param("id", agentId.toString())
                .query(Long.class)
                .single();
    }

    /** Failed sign-ins count per address too: each test fails from an address of its own. */
    private WebSession signInFrom(String address) {
        return WebSession.from(port, address);
    }

    private static String randomAddress() {
        var random = ThreadLocalRandom.current();
        return "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 255) + "." + random.nextInt(1, 255);
    }
}
