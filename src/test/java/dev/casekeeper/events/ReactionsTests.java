package dev.casekeeper.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** A reaction commits with the change it reacts to; when it fails, the change still commits and the reaction runs after it. */
@SpringBootTest
@ActiveProfiles("test")
@Import(ReactionsTests.Probes.class)
class ReactionsTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void probeTable() {
        jdbc.sql("create table if not exists public.reaction_probe (id uuid not null, what text not null)")
                .update();
    }

    @Test
    void aReactionCommitsWithTheChangeItReactsTo() {
        var id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> change(id, false));

        assertThat(rows(id)).containsExactlyInAnyOrder("change", "reaction");
        assertThat(publications(id)).isZero();
    }

    @Test
    void aReactionIsUndoneWithTheChangeItReactsTo() {
        var id = UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    change(id, false);
                    throw new IllegalStateException("the change fails after its reaction");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(rows(id)).isEmpty();
    }

    @Test
    void aFailingReactionLeavesTheChangeCommittedAndRunsAgainAfterTheCommit() {
        var id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> change(id, true));

        // The failed reaction's own write was undone with its savepoint; the change's was not.
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(id).contains("deferred reaction"));
        assertThat(rows(id)).containsExactlyInAnyOrder("change", "deferred reaction");
        await().atMost(Duration.ofSeconds(10)).until(() -> publications(id) == 0);
    }

    @Test
    void aReactionFailingInPostgresqlInsideATransactionalServiceLeavesTheChangeCommitted() {
        var id = UUID.randomUUID();
        // The service joins the change's transaction and marks it rollback-only as it fails; the
        // failed statement aborts PostgreSQL's transaction up to the reaction's savepoint.
        transactions.executeWithoutResult(status -> {
            jdbc.sql("insert into public.reaction_probe (id, what) values (?, 'change')")
                    .param(id)
                    .update();
            events.publishEvent(new BrokenChange(id));
            jdbc.sql("insert into public.reaction_probe (id, what) values (?, 'after the reaction')")
                    .param(id)
                    .update();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> rows(id).contains("deferred reaction"));
        assertThat(rows(id)).containsExactlyInAnyOrder("change", "after the reaction", "deferred reaction");
    }

    private void change(UUID id, boolean reactionFails) {
        jdbc.sql("insert into public.reaction_probe (id, what) values (?, 'change')")
                .param(id)
                .update();
        events.publishEvent(new Change(id, reactionFails));
    }

    private List<String> rows(UUID id) {
        return jdbc.sql("select what from public.reaction_probe where id = ?")
                .param(id)
                .query(String.class)
                .list();
    }

    private long publications(UUID id) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                .param("%" + id + "%")
                .query(Long.class)
                .single();
    }

    record Change(UUID id, boolean reactionFails) {}

    record BrokenChange(UUID id) {}

    record Deferred(UUID id) {}

    @TestConfiguration(proxyBeanMethods = false)
    static class Probes {

        @Bean
        Listener reactionProbeListener(Reactions reactions, JdbcClient jdbc, BrokenWriter broken) {
            return new Listener(reactions, jdbc, broken);
        }

        @Bean
        BrokenWriter brokenReactionWriter(JdbcClient jdbc) {
            return new BrokenWriter(jdbc);
        }
    }

    static class BrokenWriter {

        private final JdbcClient jdbc;

        BrokenWriter(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        /** Writes, then fails in PostgreSQL (a null where none may be). */
        @Transactional
        public void write(UUID id) {
            jdbc.sql("insert into public.reaction_probe (id, what) values (?, 'broken reaction')")
                    .param(id)
                    .update();
            jdbc.sql("insert into public.reaction_probe (id, what) values (?, null)")
                    .param(id)
                    .update();
        }
    }

    static class Listener {

        private final Reactions reactions;
        private final JdbcClient jdbc;

        private final BrokenWriter broken;

        Listener(Reactions reactions, JdbcClient jdbc, BrokenWriter broken) {
            this.reactions = reactions;
            this.jdbc = jdbc;
            this.broken = broken;
        }

        @EventListener
        void on(BrokenChange change) {
            reactions.run(() -> broken.write(change.id()), new Deferred(change.id()));
        }

        @EventListener
        void on(Change change) {
            reactions.run(
                    () -> {
                        write(change.id(), "reaction");
                        if (change.reactionFails()) {
                            throw new IllegalStateException("the reaction fails as told");
                        }
                    },
                    new Deferred(change.id()));
        }

        @ApplicationModuleListener
        void on(Deferred deferred) {
            write(deferred.id(), "deferred reaction");
        }

        private void write(UUID id, String what) {
            jdbc.sql("insert into public.reaction_probe (id, what) values (?, ?)")
                    .param(id)
                    .param(what)
                    .update();
        }
    }
}
