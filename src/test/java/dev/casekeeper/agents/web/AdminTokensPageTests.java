package dev.casekeeper.agents.web;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admins issue API tokens for agents (the secret shown once, never again), list and revoke them. */
class AdminTokensPageTests extends ApiTestBase {

    private WebSession admin;

    @BeforeEach
    void signInAsAdmin() {
        admin = WebSession.anonymous(port).signIn(newAgent("admin").email(), PASSWORD);
    }

    @Test
    void anIssuedTokenIsShownOnceAndWorks() {
        var agent = newAgent("agent");
        admin.get("/admin/tokens");

        var issued = admin.post("/admin/tokens", Map.of("agentId", agent.id().toString(), "name", "order system"));

        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.header("Cache-Control")).contains("no-store");
        String token = issued.html().select("#new-token-value").attr("value");
        assertThat(token).startsWith("ck_");
        assertThat(issued.html().select("#new-token-title").text())
                .isEqualTo("New token “order system” for " + nameOf(agent));
        var asTheAgent = Api.anonymous(port).withToken(token).get("/api/v1/agents/me");
        assertThat(asTheAgent.json().get("id").asString()).isEqualTo(agent.id().toString());
    }

    @Test
    void theSecretIsNeverShownAgain() {
        var agent = newAgent("agent");
        admin.get("/admin/tokens");
        String token = admin.post("/admin/tokens", Map.of("agentId", agent.id().toString(), "name", "crm sync"))
                .html()
                .select("#new-token-value")
                .attr("value");

        var list = admin.get("/admin/tokens?state=all");
        var agentPage = admin.get("/admin/agents/" + agent.id());
        var api = admin().get("/api/v1/tokens?agentId=" + agent.id());

        assertThat(list.html().select("td:contains(crm sync)")).isNotEmpty();
        assertThat(list.body()).doesNotContain(token).doesNotContain(token.substring(3, 20));
        assertThat(agentPage.body()).doesNotContain(token);
        assertThat(api.text()).doesNotContain(token);
        assertThat(list.html().select("#new-token")).isEmpty();
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() {
        var agent = newAgent("agent");
        var tokenId = agent.api().get("/api/v1/tokens").json().get(0).get("id").asString();
        admin.get("/admin/tokens");

        var revoked = admin.post("/admin/tokens/" + tokenId + "/revocation", Map.of());

        assertThat(revoked.location()).endsWith("/admin/tokens");
        assertThat(admin.get("/admin/tokens").html().select("#notice-saved").text())
                .isEqualTo("Token revoked. It stops working at once.");
        assertProblem(agent.api().get("/api/v1/cases"), 401, "invalid-token");
        assertThat(admin.get("/admin/tokens?state=revoked").html().select("tr[data-token=" + tokenId + "]"))
                .hasSize(1);
        assertThat(admin.get("/admin/tokens").html().select("tr[data-token=" + tokenId + "]"))
                .isEmpty();
    }

    @Test
    void revokingFromTheAgentsPageLeadsBackThere() {
        var agent = newAgent("agent");
        var tokenId = agent.api().get("/api/v1/tokens").json().get(0).get("id").asString();
        admin.get("/admin/agents/" + agent.id());

        var revoked =
                admin.post("/admin/tokens/" + tokenId + "/revocation", Map.of("back", "/admin/agents/" + agent.id()));
        var elsewhere = admin.post("/admin/tokens/" + tokenId + "/revocation", Map.of("back", "https://example.com/"));

        assertThat(revoked.location()).endsWith("/admin/agents/" + agent.id());
        assertThat(elsewhere.location()).endsWith("/admin/tokens");
    }

    @Test
    void noTokenIsIssuedForADeactivatedAgent() {
        var agent = newAgent("agent");
        admin().patch("/api/v1/agents/" + agent.id(), Map.of("active", false));
        admin.get("/admin/tokens");

        var refused = admin.post("/admin/tokens", Map.of("agentId", agent.id().toString(), "name", "sneaky"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#token-agent-error").text())
                .isEqualTo("Agent " + agent.id() + " is deactivated");
        assertThat(refused.html().select("#token-name").attr("value")).isEqualTo("sneaky");
        assertThat(refused.html().select("#new-token")).isEmpty();
        assertThat(admin().get("/api/v1/tokens?agentId=" + agent.id()).text()).doesNotContain("sneaky");
    }

    private String nameOf(Caller agent) {
        return admin().get("/api/v1/agents/" + agent.id()).json().get("name").asString();
    }
}
