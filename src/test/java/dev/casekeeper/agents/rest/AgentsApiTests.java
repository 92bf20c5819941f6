package dev.casekeeper.agents.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.Concurrently;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentsApiTests extends ApiTestBase {

    @Test
    void adminCreatesAnAgentWhosePasswordNeverComesBack() {
        String email = "Rosa.Diaz-" + UUID.randomUUID() + "@Casekeeper.TEST";
        String password = "a long and secret passphrase";

        var created = admin().post(
                        "/api/v1/agents",
                        Map.of("email", email, "name", "Rosa Diaz", "password", password, "role", "supervisor"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).endsWith("/api/v1/agents/" + id);
        assertThat(created.json().get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(created.json().get("name").asString()).isEqualTo("Rosa Diaz");
        assertThat(created.json().get("role").asString()).isEqualTo("supervisor");
        assertThat(created.json().get("active").asBoolean()).isTrue();
        assertThat(created.text())
                .doesNotContain(password)
                .doesNotContainIgnoringCase("argon")
                .doesNotContain("password");
        for (var read : List.of(
                admin().get("/api/v1/agents/" + id),
                admin().get("/api/v1/agents"),
                anonymous().withToken(tokenFor(email, password)).get("/api/v1/agents/me"))) {
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.text())
                    .doesNotContain(password)
                    .doesNotContainIgnoringCase("argon")
                    .doesNotContain("password");
        }
    }

    @Test
    void listsAgentsForAdmins() {
        var agent = newAgent("agent");

        var list = admin().get("/api/v1/agents");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().valueStream().map(a -> a.get("id").asString()))
                .contains(agent.id().toString());
    }

    @Test
    void refusesASecondAgentWithTheSameEmailInAnyCase() {
        var existing = newAgent("agent");
        int before = admin().get("/api/v1/agents").json().size();

        var refused = admin().post(
                        "/api/v1/agents",
                        Map.of(
                                "email",
                                existing.email().toUpperCase(),
                                "name",
                                "Impostor",
                                "password",
                                PASSWORD,
                                "role",
                                "admin"));

        assertProblem(refused, 409, "agent-email-taken");
        assertThat(admin().get("/api/v1/agents").json().size()).isEqualTo(before);
    }

    @Test
    void createsOneAgentWhenTheSameEmailArrivesAtOnce() throws Exception {
        String email = uniqueEmail();
        var admin = admin();
        var body = Map.of("email", email, "name", "Twin", "password", PASSWORD);

        var responses = Concurrently.run(4, () -> admin.post("/api/v1/agents", body));

        assertThat(responses)
                .extracting(Api.Response::status)
                .containsOnlyOnce(201)
                .containsOnly(201, 409);
        assertThat(admin.get("/api/v1/agents")
                        .json()
                        .valueStream()
                        .filter(a -> a.get("email").asString().equals(email)))
                .hasSize(1);
    }

    @Test
    void refusesAPasswordShorterThanTwelveCharactersNamingThePassword() {
        String email = uniqueEmail();

        var refused =
                admin().post("/api/v1/agents", Map.of("email", email, "name", "Short", "password", "elevenchars"));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("password");
        assertThat(anonymous()
                        .withBasic(email, "elevenchars")
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void refusesACommonRepeatedOrSequentialPasswordSayingWhyAndCreatesNobody() {
        String email = uniqueEmail();

        var common =
                admin().post("/api/v1/agents", Map.of("email", email, "name", "Common", "password", "password1234"));
        var repeated =
                admin().post("/api/v1/agents", Map.of("email", email, "name", "Repeated", "password", "aaaaaaaaaaaa"));
        var sequence =
                admin().post("/api/v1/agents", Map.of("email", email, "name", "Sequence", "password", "123456789012"));

        assertProblem(common, 400, "invalid-input");
        assertThat(fieldsNamed(common)).containsExactly("password");
        assertThat(common.json().get("errors").get(0).get("message").asString()).contains("most common passwords");
        assertProblem(repeated, 400, "invalid-input");
        assertThat(repeated.json().get("errors").get(0).get("message").asString())
                .contains("repeats itself");
        assertProblem(sequence, 400, "invalid-input");
        assertThat(sequence.json().get("errors").get(0).get("message").asString())
                .contains("simple sequence");
        assertThat(anonymous()
                        .withBasic(email, "password1234")
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void acceptsAPasswordOfExactlyTwelveCharacters() {
        String email = uniqueEmail();

        var created =
                admin().post("/api/v1/agents", Map.of("email", email, "name", "Twelve", "password", "twelve chars"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("role").asString()).isEqualTo("agent");
        assertThat(tokenFor(email, "twelve chars")).startsWith("ck_");
    }

    @Test
    void refusesARoleThatDoesNotExistNamingTheRole() {
        var refused = admin().post(
                        "/api/v1/agents",
                        Map.of("email", uniqueEmail(), "name", "Boss", "password", PASSWORD, "role", "superuser"));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("role");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "name", "password"})
    void refusesAnAgentWithoutARequiredFieldNamingIt(String missing) {
        var body = new HashMap<String, Object>(Map.of("email", uniqueEmail(), "name", "Someone", "password", PASSWORD));
        body.remove(missing);

        var refused = admin().post("/api/v1/agents", body);

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly(missing);
    }

    @Test
    void refusesAMalformedEmailNamingIt() {
        var refused = admin().post(
                        "/api/v1/agents", Map.of("email", "not an email", "name", "Someone", "password", PASSWORD));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("email");
    }

    @Test
    void changesRoleAndTheAgentsTokenCarriesTheNewRoleAtOnce() {
        var agent = newAgent("agent");
        assertThat(agent.api().get("/api/v1/agents").status()).isEqualTo(403);

        var changed = admin().patch("/api/v1/agents/" + agent.id(), Map.of("role", "admin", "name", "Promoted Agent"));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("role").asString()).isEqualTo("admin");
        assertThat(changed.json().get("name").asString()).isEqualTo("Promoted Agent");
        assertThat(agent.api().get("/api/v1/agents").status()).isEqualTo(200);
    }

    @Test
    void refusesAnUnknownRoleOnChangeAndChangesNothing() {
        var agent = newAgent("agent");

        var refused = admin().patch(
                        "/api/v1/agents/" + agent.id(),
                        Map.of("role", "owner", "name", "Renamed", "password", "a brand new passphrase"));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("role");
        var read = admin().get("/api/v1/agents/" + agent.id()).json();
        assertThat(read.get("role").asString()).isEqualTo("agent");
        assertThat(read.get("name").asString()).isNotEqualTo("Renamed");
        assertThat(anonymous()
                        .withBasic(agent.email(), "a brand new passphrase")
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void deactivatingAnAgentStopsTheirTokensAndTheirPassword() {
        var agent = newAgent("agent");
        assertThat(agent.api().get("/api/v1/agents/me").status()).isEqualTo(200);

        var changed = admin().patch("/api/v1/agents/" + agent.id(), Map.of("active", false));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("active").asBoolean()).isFalse();
        var withToken = agent.api().get("/api/v1/cases");
        assertProblem(withToken, 401, "invalid-token");
        var signIn = anonymous().withBasic(agent.email(), PASSWORD).post("/api/v1/tokens", Map.of("name", "again"));
        assertThat(signIn.status()).isEqualTo(401);
        assertThat(signIn.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void reactivatingAnAgentLetsThemSignInAgainButKeepsOldTokensRevoked() {
        var agent = newAgent("agent");
        admin().patch("/api/v1/agents/" + agent.id(), Map.of("active", false));

        var changed = admin().patch("/api/v1/agents/" + agent.id(), Map.of("active", true));

        assertThat(changed.json().get("active").asBoolean()).isTrue();
        assertThat(agent.api().get("/api/v1/agents/me").status()).isEqualTo(401);
        assertThat(anonymous()
                        .withToken(tokenFor(agent.email(), PASSWORD))
                        .get("/api/v1/agents/me")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusesABlankNameOnChange() {
        var agent = newAgent("agent");
        String name =
                admin().get("/api/v1/agents/" + agent.id()).json().get("name").asString();

        var refused = admin().patch("/api/v1/agents/" + agent.id(), Map.of("name", "   "));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("name");
        assertThat(admin().get("/api/v1/agents/" + agent.id())
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo(name);
    }

    @Test
    void refusesABlankNameWithoutChangingThePasswordSentAlongside() {
        var agent = newAgent("agent");

        var refused = admin().patch(
                        "/api/v1/agents/" + agent.id(), Map.of("name", " ", "password", "a brand new passphrase"));

        assertProblem(refused, 400, "invalid-input");
        assertThat(tokenFor(agent.email(), PASSWORD)).startsWith("ck_");
    }

    @Test
    void changesAnAgentsPassword() {
        var agent = newAgent("agent");
        String newPassword = "a brand new passphrase";

        var changed = admin().patch("/api/v1/agents/" + agent.id(), Map.of("password", newPassword));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text()).doesNotContain(newPassword);
        assertThat(anonymous()
                        .withBasic(agent.email(), PASSWORD)
                        .post("/api/v1/tokens", null)
                        .status())
                .isEqualTo(401);
        assertThat(tokenFor(agent.email(), newPassword)).startsWith("ck_");
    }

    @Test
    void refusesAShortNewPasswordNamingIt() {
        var agent = newAgent("agent");

        var refused = admin().patch("/api/v1/agents/" + agent.id(), Map.of("password", "short"));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("password");
        assertThat(tokenFor(agent.email(), PASSWORD)).startsWith("ck_");
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent", "supervisor", "admin"})
    void everyAgentReadsThemselves(String role) {
        var agent = newAgent(role);

        var me = agent.api().get("/api/v1/agents/me");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("id").asString()).isEqualTo(agent.id().toString());
        assertThat(me.json().get("email").asString()).isEqualTo(agent.email());
        assertThat(me.json().get("role").asString()).isEqualTo(role);
    }

    @Test
    void answersNotFoundForAnUnknownAgent() {
        String unknown = UUID.randomUUID().toString();

        assertProblem(admin().get("/api/v1/agents/" + unknown), 404, "not-found");
        assertProblem(admin().patch("/api/v1/agents/" + unknown, Map.of("active", false)), 404, "not-found");
    }

    static String uniqueEmail() {
        return "agent-" + UUID.randomUUID() + "@casekeeper.test";
    }
}
