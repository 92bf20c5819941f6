package dev.casekeeper.reports;

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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nightly reconcile: at its time in the desk's zone, the facts of the recent days' cases are
 * worked out again, on one node of two sharing a database, and the run is recorded once. Two nodes
 * of their own (a database of their own too), with the reconcile on.
 */
@MovesTime
class NightlyReconcileTests {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    @Test
    void factsLostSinceTheChangeAreWrittenAgainAtTheReconcileTimeOnceAcrossTwoNodes() {
        try (var first = start("--casekeeper.data-dir=" + dataDir.resolve("a"))) {
            var env = first.getEnvironment();
            try (var second = start(
                    "--casekeeper.data-dir=" + dataDir.resolve("unused"),
                    "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                    "--spring.datasource.username=" + env.getProperty("spring.datasource.username"),
                    "--spring.datasource.password=" + env.getProperty("spring.datasource.password"))) {
                var jdbc = first.getBean(JdbcClient.class);
                var node = Api.anonymous(port(first));
                var token = node.withBasic(ApiTestBase.ADMIN_EMAIL, ApiTestBase.ADMIN_PASSWORD)
                        .post("/api/v1/tokens", Map.of("name", "reconcile test"));
                assertThat(token.status()).as(token.toString()).isEqualTo(201);
                var admin = node.withToken(token.json().get("token").asString());
                var opened = admin.post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Refund for a parcel that never came",
                                "requester",
                                Map.of("email", "maria-" + UUID.randomUUID() + "@example.com", "name", "Maria Lopez"),
                                "message",
                                Map.of("body", "It has been three weeks.")));
                assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
                var caseId = UUID.fromString(opened.json().get("id").asString());
                await().atMost(WAIT).until(() -> facts(jdbc, caseId) == 1);
                // Facts lost after the change (a crash before the durable listener, a bug since fixed).
                jdbc.sql("delete from reports.case_fact where case_id = :id")
                        .param("id", caseId)
                        .update();

                var due = nextRun(jdbc);
                var zone = first.getBean(ReportsSettings.class).zone();
                assertThat(due.atZone(zone).toLocalTime()).isEqualTo(java.time.LocalTime.of(3, 30));
                TestClock.INSTANCE.advanceTo(due.plusSeconds(1));

                await().atMost(WAIT).until(() -> facts(jdbc, caseId) == 1);
                // Rescheduled for the next night, after one run only.
                await().atMost(WAIT).until(() -> nextRun(jdbc).isAfter(due));
                var runs = jdbc.sql("select cases from reports.reconcile_run where started_at >= :due")
                        .param("due", java.sql.Timestamp.from(due))
                        .query(Integer.class)
                        .list();
                assertThat(runs).hasSize(1);
                assertThat(runs.getFirst()).isPositive();
            }
        }
    }

    private static long facts(JdbcClient jdbc, UUID caseId) {
        return jdbc.sql("select count(*) from reports.case_fact where case_id = :id")
                .param("id", caseId)
                .query(Long.class)
                .single();
    }

    private static Instant nextRun(JdbcClient jdbc) {
        return jdbc.sql("select execution_time from scheduling.scheduled_tasks where task_name = :task")
                .param("task", NightlyReconcile.TASK)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static ConfigurableApplicationContext start(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.add("--server.port=0");
        all.add("--casekeeper.test.moves-time=true");
        all.add("--logging.level.root=WARN");
        all.add("--casekeeper.reports.reconcile.days=2");
        return new SpringApplicationBuilder(CasekeeperApplication.class)
                .profiles("test")
                .run(all.toArray(String[]::new));
    }
}
