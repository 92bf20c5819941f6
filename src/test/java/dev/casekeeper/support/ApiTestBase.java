package dev.casekeeper.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Full-stack API tests: the whole application on a random port, the shared embedded PostgreSQL,
 * real HTTP. Tests isolate by data: every test makes its own agents, teams and customers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTestBase {

    public static final String ADMIN_EMAIL = "admin@casekeeper.test";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String PASSWORD = "correct horse battery staple";

    /**
     * The admin's token for each running application, minted on first use: minting checks the
     * password, a hash that is slow on purpose, and tests ask for the admin a thousand times a run.
     */
    private static final Map<ApplicationContext, String> adminTokens = Collections.synchronizedMap(new WeakHashMap<>());

    @LocalServerPort
    protected int port;

    @Autowired
    private ApplicationContext application;

    protected Api anonymous() {
        return Api.anonymous(port);
    }

    /** The first admin, signed in with a token of this application's. */
    protected Api admin() {
        return anonymous()
                .withToken(adminTokens.computeIfAbsent(application, a -> tokenFor(ADMIN_EMAIL, ADMIN_PASSWORD)));
    }

    protected String tokenFor(String email, String password) {
        var response = anonymous().withBasic(email, password).post("/api/v1/tokens", Map.of("name", "test"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("token").asString();
    }

    /** A new agent with the given role, signed in with their own token. */
    protected Caller newAgent(String role, UUID... teamIds) {
        String email = role + "-" + UUID.randomUUID() + "@casekeeper.test";
        var created = admin().post(
                        "/api/v1/agents",
                        Map.of(
                                "email",
                                email,
                                "name",
                                "Agent " + email.substring(0, 12),
                                "password",
                                PASSWORD,
                                "role",
                                role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asString());
        for (UUID team : teamIds) {
            var added = admin().post("/api/v1/teams/" + team + "/members", Map.of("agentId", id));
            assertThat(added.status()).as(added.toString()).isEqualTo(200);
        }
        return new Caller(id, email, anonymous().withToken(tokenFor(email, PASSWORD)));
    }

    protected UUID newTeam() {
        var created = admin().post("/api/v1/teams", Map.of("name", "Team " + UUID.randomUUID()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    /** Opens a case through the API as the given caller, for a new customer. */
    protected UUID openCase(Api as, String subject) {
        var created = as.post(
                "/api/v1/cases",
                Map.of(
                        "subject", subject,
                        "requester",
                                Map.of(
                                        "email",
                                        "customer-" + UUID.randomUUID() + "@example.com",
                                        "name",
                                        "Maria Lopez"),
                        "message", Map.of("body", "My activation key is gone since I reinstalled."),
                        "tags", List.of("license")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    /**
     * Opens a case in a team's queue, for a new customer: only that team's agents (and supervisors
     * and admins) see it, so it stays out of other tests' views.
     */
    protected UUID openCase(Api as, UUID team, String subject) {
        var created = as.post(
                "/api/v1/cases",
                Map.of(
                        "subject",
                        subject,
                        "teamId",
                        team,
                        "requester",
                        Map.of("email", "customer-" + UUID.randomUUID() + "@example.com", "name", "Maria Lopez"),
                        "message",
                        Map.of("body", "My activation key is gone since I reinstalled.")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    /** An agent with their id, email and an API client signed in as them. */
    public record Caller(UUID id, String email, Api api) {}
}
