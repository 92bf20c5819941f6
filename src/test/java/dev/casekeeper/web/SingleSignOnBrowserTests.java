package dev.casekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.TwoFactorManagement;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Agents sign in with their company's identity provider, a real OpenID Connect provider (Spring
 * Authorization Server) started for these tests: the first time makes them an agent in the default
 * team (or links the agent with their email), later times find that agent by the provider's subject
 * whatever email it gives now, another account with a linked agent's email does not take it over, and
 * a deactivated agent is turned away with a reason.
 */
class SingleSignOnBrowserTests extends ApiTestBase {

    private static final String DEFAULT_TEAM = "Joined through single sign-on";
    private static final String PROVIDER_PASSWORD = "provider password for tests";
    private static TestIdentityProvider provider;

    @Autowired
    TwoFactorManagement twoFactor;

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry properties) {
        provider = TestIdentityProvider.start();
        properties.add("casekeeper.agents.sso.issuer-uri", provider::issuer);
        properties.add("casekeeper.agents.sso.client-id", () -> TestIdentityProvider.CLIENT_ID);
        properties.add("casekeeper.agents.sso.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        properties.add("casekeeper.agents.sso.label", () -> "Example Corp");
        properties.add("casekeeper.agents.sso.default-team", () -> DEFAULT_TEAM);
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        assumeTrue(HeadlessChromium.installed(), "Chromium and chromedriver are not installed");
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aNewcomerSignsInWithTheProviderAndWorksAsANewAgentInTheDefaultTeam() {
        String email = "newcomer-" + UUID.randomUUID() + "@example.com";
        provider.addPerson(email, PROVIDER_PASSWORD, "Nadia Newcomer", true);

        signInWithProvider(email);

        HeadlessChromium.waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        assertThat(browser.findElement(By.cssSelector(".me-name")).getText()).contains("Nadia Newcomer");
        var agent = agentWithEmail(email);
        assertThat(agent.get("role").asString()).isEqualTo("agent");
        assertThat(agent.get("name").asString()).isEqualTo("Nadia Newcomer");
        assertThat(agent.get("teamIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly(teamNamed(DEFAULT_TEAM));
        assertThat(auditOf(email)).contains("Signed in through single sign-on");
    }

    @Test
    void aSecondSignInWithTheProviderFindsTheSameAgent() {
        String email = "returning-" + UUID.randomUUID() + "@example.com";
        provider.addPerson(email, PROVIDER_PASSWORD, "Rita Returning", true);
        signInWithProvider(email);
        HeadlessChromium.waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        String first = agentWithEmail(email).get("id").asString();

        signInWithProvider(email);
        HeadlessChromium.waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        assertThat(agentsWithEmail(email)).hasSize(1);
        assertThat(agentWithEmail(email).get("id").asString()).isEqualTo(first);
        assertThat(auditOf(email).stream().filter("Signed in through single sign-on"::equals))
                .hasSize(2);
    }

    @Test
    void anExistingAgentIsFoundByEmailAndKeepsTheirRole() {
        var supervisor = newAgent("supervisor");
        provider.addPerson(supervisor.email(), PROVIDER_PASSWORD, "Sam Supervisor", true);

        signInWithProvider(supervisor.email());

        HeadlessChromium.waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        assertThat(agentsWithEmail(supervisor.email())).hasSize(1);
        var agent = agentWithEmail(supervisor.email());
        assertThat(agent.get("id").asString()).isEqualTo(supervisor.id().toString());
        assertThat(agent.get("role").asString()).isEqualTo("supervisor");
        browser.get(casekeeper() + "/account");
        assertThat(browser.findElement(By.id("me")).getText()).contains(supervisor.email());
    }

    @Test
    void aDeactivatedAgentIsTurnedAwayWithAReason() {
        var agent = newAgent("agent");
        var deactivated = admin().patch("/api/v1/agents/" + agent.id(), Map.of("active", false));
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        provider.addPerson(agent.email(), PROVIDER_PASSWORD, "Dora Deactivated", true);

        signInWithProvider(agent.email());

        var error = HeadlessChromium.waitFor(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("sso-error")));
        assertThat(error.getText()).contains("deactivated");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.get(casekeeper() + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(auditOf(agent.email())).contains("Single sign-on refused: the agent is deactivated");
    }

    /** Matched by email alone, an agent whose email changed at the provider was made a second time. */
    @Test
    void anAgentWhoseEmailChangedAtTheProviderIsStillThemselves() {
        String account = "changing-" + UUID.randomUUID();
        String before = account + "@example.com";
        String after = account + "@example.org";
        provider.addAccount(account, before, PROVIDER_PASSWORD, "Chloe Changing", true);
        signInWithProvider(account);
        HeadlessChromium.waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        String agentId = agentWithEmail(before).get("id").asString();

        provider.changeEmail(account, after);
        signInWithProvider(account);

        HeadlessChromium.waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        assertThat(browser.findElement(By.cssSelector(".me-name")).getText()).contains("Chloe Changing");
        assertThat(agentsWithEmail(after)).as("no second agent").isEmpty();
        assertThat(agentWithEmail(before).get("id").asString()).isEqualTo(agentId);
        assertThat(auditOf(before).stream().filter("Signed in through single sign-on"::equals))
                .hasSize(2);
    }

    /** Matched by email alone, whoever the provider later gave an agent's email to signed in as that agent. */
    @Test
    void anotherAccountWithALinkedAgentsEmailDoesNotTakeTheAgentOver() {
        String email = "taken-" + UUID.randomUUID() + "@example.com";
        String first = "first-" + UUID.randomUUID();
        String second = "second-" + UUID.randomUUID();
        provider.addAccount(first, email, PROVIDER_PASSWORD, "Fiona First", true);
        provider.addAccount(second, email, PROVIDER_PASSWORD, "Simon Second", true);
        signInWithProvider(first);
        HeadlessChromium.waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        signInWithProvider(second);

        var error = HeadlessChromium.waitFor(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("sso-error")));
        assertThat(error.getText()).contains("belongs to another account");
        browser.get(casekeeper() + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(agentsWithEmail(email)).hasSize(1);
        assertThat(auditOf(email))
                .contains(
                        "Single sign-on refused: the agent with this email is linked to another account at the identity provider");
    }

    @Test
    void anAccountLinkedToADeactivatedAgentIsTurnedAwayWhateverEmailItGivesNow() {
        String account = "leaving-" + UUID.randomUUID();
        String email = account + "@example.com";
        provider.addAccount(account, email, PROVIDER_PASSWORD, "Lena Leaving", true);
        signInWithProvider(account);
        HeadlessChromium.waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        String agentId = agentWithEmail(email).get("id").asString();
        var deactivated = admin().patch("/api/v1/agents/" + agentId, Map.of("active", false));
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);

        String fresh = account + "@example.org";
        provider.changeEmail(account, fresh);
        signInWithProvider(account);

        var error = HeadlessChromium.waitFor(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("sso-error")));
        assertThat(error.getText()).contains("deactivated");
        assertThat(agentsWithEmail(fresh)).as("no new agent for the new email").isEmpty();
    }

    @Test
    void anEmailTheProviderDidNotVerifyMakesNoAgent() {
        String email = "unverified-" + UUID.randomUUID() + "@example.com";
        provider.addPerson(email, PROVIDER_PASSWORD, "Una Unverified", false);

        signInWithProvider(email);

        var error = HeadlessChromium.waitFor(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("sso-error")));
        assertThat(error.getText()).contains("did not confirm your email");
        assertThat(agentsWithEmail(email)).isEmpty();
    }

    @Test
    void theProvidersSignInAsksForNoSecondFactorSetupNorPasswordChange() {
        var supervisor = newAgent("supervisor");
        var reset = admin().post("/api/v1/agents/" + supervisor.id() + "/password-reset", null);
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        provider.addPerson(supervisor.email(), PROVIDER_PASSWORD, "Tess Temporary", true);
        var enforced = twoFactor.enforcedRoles();
        twoFactor.enforce(EnumSet.of(Role.SUPERVISOR));
        try {
            signInWithProvider(supervisor.email());
            HeadlessChromium.waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

            browser.get(casekeeper() + "/");
            assertThat(browser.getCurrentUrl())
                    .as("neither the two-factor setup nor the password change is asked")
                    .doesNotContain("/account");
            assertThat(browser.findElements(By.cssSelector(".me-name"))).isNotEmpty();
        } finally {
            twoFactor.enforce(enforced);
        }
    }

    @Test
    void passwordSignInWorksBesideTheProvider() {
        var agent = newAgent("agent");

        browser.get(casekeeper() + "/login");
        assertThat(browser.findElement(By.id("sso-sign-in")).getText()).isEqualTo("Sign in with Example Corp");
        browser.findElement(By.id("email")).sendKeys(agent.email());
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        HeadlessChromium.waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        assertThat(auditOf(agent.email())).contains("Signed in with email and password");
    }

    /** From a browser with no cookies at either end: the sign-in page's button, then the provider's form. */
    private void signInWithProvider(String username) {
        ((ChromiumDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
        browser.get(casekeeper() + "/login");
        browser.findElement(By.id("sso-sign-in")).click();
        var wait = HeadlessChromium.waitFor(browser);
        wait.until(ExpectedConditions.urlContains(provider.issuer()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PROVIDER_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains(casekeeper()));
    }

    /** Casekeeper on the loopback address, the provider on localhost: two hosts, two sets of cookies. */
    private String casekeeper() {
        return "http://127.0.0.1:" + port;
    }

    private List<JsonNode> agentsWithEmail(String email) {
        return admin().get("/api/v1/agents")
                .json()
                .valueStream()
                .filter(a -> a.get("email").asString().equals(email.toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    private JsonNode agentWithEmail(String email) {
        var found = agentsWithEmail(email);
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private String teamNamed(String name) {
        return admin().get("/api/v1/teams")
                .json()
                .valueStream()
                .filter(t -> t.get("name").asString().equals(name))
                .map(t -> t.get("id").asString())
                .findFirst()
                .orElseThrow();
    }

    private List<String> auditOf(String email) {
        return admin().get("/api/v1/audit?actor=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
                .json()
                .get("items")
                .valueStream()
                .map(e -> e.get("summary").asString())
                .toList();
    }
}
