package dev.casekeeper.demo;

import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With the {@code demo} profile, loads a small, living workspace drawn from the seed stories, so a
 * new user sees a desk at work rather than an empty one. Loads once: all of it or nothing, in one
 * transaction, and never again once the demo supervisor exists.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final long LOCK_KEY = 0x436b44656d6f4461L; // any constant shared by all nodes

    private static final List<DemoStory> STORIES = List.of(
            new ActivationKeyStory(),
            new OrderStories(),
            new SupportStories(),
            new ReturnsStories(),
            new PhoneQueueStory());

    private final DemoDesk desk;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    DemoData(DemoDesk desk, TransactionTemplate transactions, JdbcClient jdbc) {
        this.desk = desk;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Boolean loaded = transactions.execute(status -> {
            // Two nodes starting on the same database at once load the demo once, not twice.
            jdbc.sql("select pg_advisory_xact_lock(:key)")
                    .param("key", LOCK_KEY)
                    .query()
                    .singleRow();
            if (isLoaded()) {
                return false;
            }
            var staff = DemoStaff.hire(desk.agents);
            STORIES.forEach(story -> story.tell(desk, staff));
            return true;
        });
        log.warn(
                """

                ==============================================================
                  Demo profile: {}
                  Demo sign-ins (DEMO ONLY, never use the demo profile in production),
                  password for all: {}
                {}
                ==============================================================
                """,
                Boolean.TRUE.equals(loaded) ? "loaded the demo workspace" : "already loaded, nothing added",
                DemoStaff.PASSWORD,
                DemoStaff.PEOPLE.stream()
                        .map(p -> "    " + p.email() + "  " + p.name() + " ("
                                + p.role().value() + ", " + String.join(", ", p.teams()) + ")")
                        .collect(Collectors.joining("\n")));
    }

    private boolean isLoaded() {
        return desk.agents.list().stream().anyMatch(a -> a.email().equals(DemoStaff.SUPERVISOR.email()));
    }
}
