package dev.casekeeper.sla;

import static dev.casekeeper.sla.SlaFixture.clock;
import static dev.casekeeper.sla.SlaFixture.events;
import static dev.casekeeper.sla.SlaFixture.notifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.CasekeeperApplication;
import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * SLA timers are durable and cluster-safe: a warning or breach whose moment passes while the node
 * is down fires after the restart, once; two nodes on one database record each exactly once.
 */
@MovesTime
class SlaTimersClusterTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void aBreachDueWhileTheNodeWasDownIsRecordedOnceAfterTheRestartAndTheWarningIsNotRepeated() {
        UUID caseId;
        Desk desk;
        Instant dueAt;
        try (var first = start("--casekeeper.data-dir=" + dataDir)) {
            desk = Desk.setUp(api(first));
            caseId = desk.openOwnedCase("Cable technician three hours late");
            var warnAt = awaitMoment(desk.agent, caseId, "warnAt");
            TestClock.INSTANCE.advanceTo(warnAt.plusSeconds(1));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(desk.agent, caseId, "sla_warning"))
                            .hasSize(1));
            dueAt = Instant.parse(events(desk.agent, caseId, "sla_warning")
                    .getFirst()
                    .get("data")
                    .get("dueAt")
                    .asString());
        }

        // The moment of the breach passes while no node runs.
        TestClock.INSTANCE.advanceTo(dueAt.plusSeconds(60));

        try (var second = start("--casekeeper.data-dir=" + dataDir)) {
            var agent = desk.reconnect(api(second));
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(events(agent, caseId, "sla_breached")).hasSize(1);
                assertThat(notifications(agent, caseId, "sla_breach")).hasSize(1);
            });
            assertThat(events(agent, caseId, "sla_warning")).hasSize(1);
            assertThat(notifications(agent, caseId, "sla_warning")).hasSize(1);
            assertThat(clock(agent, caseId, "first_response").get("state").asString())
                    .isEqualTo("breached");
        }
    }

    @Test
    void twoNodesOnOneDatabaseRecordEachWarningAndBreachExactlyOnce() {
        try (var owner = start("--casekeeper.data-dir=" + dataDir.resolve("a"))) {
            String url = owner.getEnvironment().getProperty("spring.datasource.url");
            try (var other = start(
                    "--casekeeper.data-dir=" + dataDir.resolve("unused"),
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + owner.getEnvironment().getProperty("spring.datasource.username"),
                    "--spring.datasource.password="
                            + owner.getEnvironment().getProperty("spring.datasource.password"))) {
                var desk = Desk.setUp(api(owner));
                var agentOnOther = desk.reconnect(api(other));
                var cases = new ArrayList<UUID>();
                for (int i = 0; i < 6; i++) {
                    // Half the cases are opened through each node, so each node's listeners schedule timers.
                    cases.add(
                            i % 2 == 0
                                    ? desk.openOwnedCase("Order shipped wrong " + i)
                                    : desk.openOwnedCaseThrough(agentOnOther, "Refund " + i));
                }
                var latestWarning = cases.stream()
                        .map(id -> awaitMoment(desk.agent, id, "warnAt"))
                        .max(Instant::compareTo)
                        .orElseThrow();

                TestClock.INSTANCE.advanceTo(latestWarning.plusSeconds(1));
                await().atMost(WAIT)
                        .untilAsserted(() -> cases.forEach(id -> assertThat(events(desk.agent, id, "sla_warning"))
                                .hasSize(1)));

                var latestDue = cases.stream()
                        .map(id -> Instant.parse(events(desk.agent, id, "sla_warning")
                                .getFirst()
                                .get("data")
                                .get("dueAt")
                                .asString()))
                        .max(Instant::compareTo)
                        .orElseThrow();
                TestClock.INSTANCE.advanceTo(latestDue.plusSeconds(1));
                await().atMost(WAIT)
                        .untilAsserted(() -> cases.forEach(id -> assertThat(events(agentOnOther, id, "sla_breached"))
                                .hasSize(1)));

                for (var id : cases) {
                    assertThat(events(desk.agent, id, "sla_warning")).hasSize(1);
                    assertThat(events(desk.agent, id, "sla_breached")).hasSize(1);
                    assertThat(notifications(desk.agent, id, "sla_warning")).hasSize(1);
                    assertThat(notifications(desk.agent, id, "sla_breach")).hasSize(1);
                }
            }
        }
    }

    /** A team, its agent and an around-the-clock policy, set up through one node's API. */
    private static final class Desk {
        final UUID team;
        final UUID agentId;
        final String agentEmail;
        Api agent;

        private Desk(UUID team, UUID agentId, String agentEmail, Api agent) {
            this.team = team;
            this.agentId = agentId;
            this.agentEmail = agentEmail;
            this.agent = agent;
        }

        static Desk setUp(Api admin) {
            var team = UUID.fromString(admin.post("/api/v1/teams", Map.of("name", "Team " + UUID.randomUUID()))
                    .json()
                    .get("id")
                    .asString());
            String email = "agent-" + UUID.randomUUID() + "@casekeeper.test";
            var agentId = UUID.fromString(admin.post(
                            "/api/v1/agents",
                            Map.of("email", email, "name", "Dana", "password", ApiTestBase.PASSWORD, "role", "agent"))
                    .json()
                    .get("id")
                    .asString());
            admin.post("/api/v1/teams/" + team + "/members", Map.of("agentId", agentId));
            SlaFixture.teamPolicy(admin, SlaFixture.alwaysOpenCalendar(admin), team, false, null);
            var desk = new Desk(team, agentId, email, null);
            desk.agent = desk.reconnect(admin);
            return desk;
        }

        /** The agent signed in through another node (or the same node after a restart). */
        Api reconnect(Api anyNode) {
            var base = anyNode.withBasic(agentEmail, ApiTestBase.PASSWORD);
            var token = base.post("/api/v1/tokens", Map.of("name", "cluster test"));
            assertThat(token.status()).as(token.toString()).isEqualTo(201);
            return anyNode.withToken(token.json().get("token").asString());
        }

        UUID openOwnedCase(String subject) {
            return openOwnedCaseThrough(agent, subject);
        }

        UUID openOwnedCaseThrough(Api through, String subject) {
            var id = SlaFixture.openCase(through, team, subject);
            assertThat(through.post("/api/v1/cases/" + id + "/assignment", Map.of("ownerId", agentId))
                            .status())
                    .isEqualTo(200);
            return id;
        }
    }

    private static Instant awaitMoment(Api agent, UUID caseId, String field) {
        var found = new ArrayList<Instant>();
        await().atMost(WAIT).untilAsserted(() -> {
            var node = clock(agent, caseId, "first_response").get(field);
            assertThat(node.isNull()).isFalse();
            found.add(Instant.parse(node.asString()));
        });
        return found.getLast();
    }

    private static ConfigurableApplicationContext start(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.add("--server.port=0");
        all.add("--casekeeper.test.moves-time=true");
        all.add("--logging.level.root=WARN");
        return new SpringApplicationBuilder(CasekeeperApplication.class)
                .profiles("test")
                .run(all.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        var api = Api.anonymous(port);
        var token = api.withBasic(ApiTestBase.ADMIN_EMAIL, ApiTestBase.ADMIN_PASSWORD)
                .post("/api/v1/tokens", Map.of("name", "cluster"));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        return api.withToken(token.json().get("token").asString());
    }
}
