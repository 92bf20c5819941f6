package dev.casekeeper.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.CasekeeperApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node that starts alone on its database runs the reactions a stopped node left unfinished at once;
 * a node that starts beside a running one leaves them to the recovery job, because the other node may
 * still be running them.
 */
class StartupRecoveryTests {

    @TempDir
    Path dataDir;

    @Test
    void aNodeStartingAloneRunsWhatAStoppedNodeLeftUnfinishedAndANodeStartingBesideItDoesNot() {
        var leftByStoppedNode = leaveUnfinished();
        try (var alone = start()) {
            var jdbc = alone.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> unfinished(jdbc, leftByStoppedNode) == 0);
            assertThat(FlakyListener.runs(leftByStoppedNode.id())).isEqualTo(2);

            // Work the running node has not finished may still be running there: a second node leaves it alone.
            var stillRunning = leaveUnfinishedOn(alone);
            try (var beside = start()) {
                assertThat(beside.getBean(NodeHeartbeats.class).othersAlive()).isPositive();
                assertThat(jdbc.sql("select status from event_publication where serialized_event like :probe")
                                .param("probe", "%" + stillRunning.id() + "%")
                                .query(String.class)
                                .single())
                        .as("not resubmitted by the node that started beside")
                        .isEqualTo("FAILED");
                assertThat(FlakyListener.runs(stillRunning.id())).isEqualTo(1);
            }
        }
    }

    /** Publishes a probe on a node whose listener fails it, then stops that node. */
    private FlakyListener.Probe leaveUnfinished() {
        try (var node = start()) {
            var probe = leaveUnfinishedOn(node);
            FlakyListener.FAILING.remove(probe.id());
            return probe;
        }
    }

    private FlakyListener.Probe leaveUnfinishedOn(ConfigurableApplicationContext node) {
        var probe = new FlakyListener.Probe(UUID.randomUUID());
        FlakyListener.FAILING.add(probe.id());
        node.getBean(TransactionTemplate.class).executeWithoutResult(status -> node.publishEvent(probe));
        var jdbc = node.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> FlakyListener.runs(probe.id()) == 1);
        assertThat(unfinished(jdbc, probe)).isEqualTo(1);
        return probe;
    }

    private static long unfinished(JdbcClient jdbc, FlakyListener.Probe probe) {
        return jdbc.sql(
                        "select count(*) from event_publication where completion_date is null and serialized_event like :probe")
                .param("probe", "%" + probe.id() + "%")
                .query(Long.class)
                .single();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CasekeeperApplication.class, FlakyListener.class)
                .profiles("test")
                .run(
                        "--casekeeper.data-dir=" + dataDir,
                        "--server.port=0",
                        "--casekeeper.mail.smtp.port=0",
                        "--logging.level.root=WARN");
    }
}
