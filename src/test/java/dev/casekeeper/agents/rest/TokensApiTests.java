package dev.casekeeper.agents.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class TokensApiTests extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void issuesATokenForAnAgentsEmailAndPassword() {
        var agent = newAgent("agent");

        var issued =
                anonymous().withBasic(agent.email(), PASSWORD).post("/api/v1/tokens", Map.of("name", "nightly export"));

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.json().get("token").asString()).startsWith("ck_").hasSizeGreaterThan(40);
        assertThat(issued.json().get("name").asString()).isEqualTo("nightly export");
        assertThat(issued.header("Location"))
                .endsWith("/api/v1/tokens/" + issued.json().get("id").asString());
    }

    @Test
    void issuesATokenWithoutABody() {
        var agent = newAgent("agent");

        var issued =
                anonymous().withBasic(agent.email().toUpperCase(), PASSWORD).post("/api/v1/tokens", null);

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.json().get("name").asString()).isNotBlank();
    }

    @Test
    void refusesAWrongPasswordWithABasicChallengeAndAProblem() {
        var agent = newAgent("agent");

        var refused =
                anonymous().withBasic(agent.email(), PASSWORD + "!").post("/api/v1/tokens", Map.of("name", "guess"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("status").asInt()).isEqualTo(401);
        assertThat(refused.json().get("title").asString()).isNotBlank();
        assertThat(refused.json().get("detail").asString()).isNotBlank();
        assertThat(refused.json().get("code").asString()).isEqualTo("unauthorized");
    }

    @Test
    void refusesAnUnknownEmailJustLikeAWrongPassword() {
        var refused = anonymous().withBasic("nobody@casekeeper.test", PASSWORD).post("/api/v1/tokens", null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void asksForBasicCredentialsWhenNoneAreSent() {
        var refused = anonymous().post("/api/v1/tokens", null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theTokenSignsInAsItsAgent() {
        var agent = newAgent("agent");
        String token = tokenFor(agent.email(), PASSWORD);

        var me = anonymous().withToken(token).get("/api/v1/agents/me");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("id").asString()).isEqualTo(agent.id().toString());
    }

    @Test
    void refusesBasicCredentialsOutsideTokenCreation() {
        var agent = newAgent("agent");

        var refused = anonymous().withBasic(agent.email(), PASSWORD).get("/api/v1/agents/me");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void listsTheAgentsOwnTokensWithoutTheirSecrets() {
        var agent = newAgent("agent");
        var other = newAgent("agent");
        var issued = anonymous()
                .withBasic(agent.email(), PASSWORD)
                .post("/api/v1/tokens", Map.of("name", "second"))
                .json();
        String secret = issued.get("token").asString();

        var list = agent.api().get("/api/v1/tokens");

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().valueStream().map(t -> t.get("agentId").asString()))
                .containsOnly(agent.id().toString())
                .hasSize(2);
        assertThat(list.json().valueStream().map(t -> t.get("name").asString()))
                .containsExactlyInAnyOrder("test", "second");
        assertThat(list.json().valueStream())
                .allSatisfy(t -> assertThat(t.has("token")).isFalse());
        assertThat(list.text())
                .doesNotContain(secret)
                .doesNotContain(digest(secret))
                .doesNotContain("ck_");
        assertThat(list.text()).doesNotContain(other.id().toString());
    }

    @Test
    void recordsWhenATokenWasLastUsed() {
        var agent = newAgent("agent");

        var list = agent.api().get("/api/v1/tokens");

        assertThat(list.json().get(0).get("lastUsedAt").isNull()).isFalse();
    }

    @Test
    void refusesAnAgentListingAnotherAgentsTokens() {
        var agent = newAgent("agent");
        var other = newAgent("agent");

        assertProblem(agent.api().get("/api/v1/tokens?agentId=" + other.id()), 403, "forbidden");
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() {
        var agent = newAgent("agent");
        var issued = anonymous()
                .withBasic(agent.email(), PASSWORD)
                .post("/api/v1/tokens", Map.of("name", "leaked"))
                .json();
        var leaked = anonymous().withToken(issued.get("token").asString());
        assertThat(leaked.get("/api/v1/agents/me").status()).isEqualTo(200);

        var revoked = agent.api().delete("/api/v1/tokens/" + issued.get("id").asString());

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("revokedAt").isNull()).isFalse();
        var refused = leaked.get("/api/v1/agents/me");
        assertProblem(refused, 401, "invalid-token");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(agent.api().get("/api/v1/agents/me").status()).isEqualTo(200);
    }

    @Test
    void anAgentCannotRevokeAnotherAgentsToken() {
        var agent = newAgent("agent");
        var other = newAgent("agent");
        String othersTokenId =
                other.api().get("/api/v1/tokens").json().get(0).get("id").asString();

        assertProblem(agent.api().delete("/api/v1/tokens/" + othersTokenId), 404, "not-found");
        assertThat(other.api().get("/api/v1/agents/me").status()).isEqualTo(200);
    }

    @Test
    void anAdminRevokesAnyAgentsToken() {
        var agent = newAgent("agent");
        String tokenId =
                agent.api().get("/api/v1/tokens").json().get(0).get("id").asString();

        assertThat(admin().delete("/api/v1/tokens/" + tokenId).status()).isEqualTo(200);
        assertProblem(agent.api().get("/api/v1/agents/me"), 401, "invalid-token");
    }

    @Test
    void refusesATokenThatWasNeverIssued() {
        assertProblem(anonymous().withToken("ck_" + "A".repeat(43)).get("/api/v1/agents/me"), 401, "invalid-token");
        assertProblem(anonymous().withToken("not-even-a-casekeeper-token").get("/api/v1/cases"), 401, "invalid-token");
    }

    @Test
    void storesOnlyADigestOfTheToken() {
        var agent = newAgent("agent");
        var issued = anonymous()
                .withBasic(agent.email(), PASSWORD)
                .post("/api/v1/tokens", Map.of("name", "stored"))
                .json();
        String token = issued.get("token").asString();

        var rows = jdbc.sql("select * from agents.api_token").query().listOfRows();

        assertThat(rows).isNotEmpty();
        assertThat(rows)
                .allSatisfy(row -> assertThat(row.values())
                        .allSatisfy(value -> assertThat(String.valueOf(value))
                                .doesNotContain(token)
                                .doesNotContain(token.substring(3))));
        assertThat(rows)
                .filteredOn(
                        row -> row.get("id").toString().equals(issued.get("id").asString()))
                .singleElement()
                .satisfies(row -> assertThat(row.get("token_digest")).isEqualTo(digest(token)));
    }

    private static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
