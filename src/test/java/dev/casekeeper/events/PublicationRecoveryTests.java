package dev.casekeeper.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reaction that failed runs again while the application runs, and one left unfinished by a node
 * that died is taken as failed and runs again — without waiting for a restart.
 */
@SpringBootTest(properties = "casekeeper.events.recovery.first-retry=0s")
@ActiveProfiles("test")
@Import(FlakyListener.class)
class PublicationRecoveryTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PublicationRecovery recovery;

    @Autowired
    PublicationBacklog backlog;

    @Test
    void aListenerThatFailedRunsAgainAndItsPublicationIsCompleted() {
        var probe = failingProbe();
        publish(probe);
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(status(probe)));
        assertThat(backlog.refresh(java.time.Instant.now()).failed()).isPositive();

        FlakyListener.FAILING.remove(probe.id());
        recovery.recover();

        await().atMost(Duration.ofSeconds(10)).until(() -> status(probe) == null);
        assertThat(FlakyListener.runs(probe.id())).isEqualTo(2);
    }

    @Test
    void aPublicationLeftUnfinishedByADeadNodeIsTakenAsFailedAndRunsAgain() {
        var probe = failingProbe();
        publish(probe);
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(status(probe)));
        // As a node that died while running the listener leaves it: processing, published long ago.
        jdbc.sql(
                        "update event_publication set status = 'PROCESSING', publication_date = publication_date - interval '1 hour'"
                                + " where serialized_event like :probe")
                .param("probe", "%" + probe.id() + "%")
                .update();
        FlakyListener.FAILING.remove(probe.id());

        recovery.recover();

        await().atMost(Duration.ofSeconds(10)).until(() -> status(probe) == null);
        assertThat(FlakyListener.runs(probe.id())).isEqualTo(2);
    }

    @Test
    void aPublicationStillWithinItsTimeIsLeftAlone() {
        var probe = failingProbe();
        publish(probe);
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(status(probe)));
        jdbc.sql("update event_publication set status = 'PROCESSING' where serialized_event like :probe")
                .param("probe", "%" + probe.id() + "%")
                .update();

        recovery.recover();

        assertThat(status(probe)).isEqualTo("PROCESSING");
        assertThat(FlakyListener.runs(probe.id())).isEqualTo(1);
        jdbc.sql("delete from event_publication where serialized_event like :probe")
                .param("probe", "%" + probe.id() + "%")
                .update();
    }

    private static FlakyListener.Probe failingProbe() {
        var probe = new FlakyListener.Probe(UUID.randomUUID());
        FlakyListener.FAILING.add(probe.id());
        return probe;
    }

    private void publish(FlakyListener.Probe probe) {
        transactions.executeWithoutResult(status -> events.publishEvent(probe));
    }

    private String status(FlakyListener.Probe probe) {
        return jdbc.sql("select status from event_publication where serialized_event like :probe")
                .param("probe", "%" + probe.id() + "%")
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
