package dev.casekeeper.support;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Before each test of a {@link MovesTime} class, parks the one-time timers still waiting in the
 * database of the tests that move time (SLA clocks, promise and check-in timers, offer expiry, hold
 * limits, chat grace, mail retries): they belong to tests that ran before, which no longer look at
 * them. Parked means moved a thousand years ahead, kept as they are otherwise, so the test's own
 * jumps of days make due only what the test itself scheduled. Recurring jobs (the routing sweep,
 * IMAP polling) keep running.
 *
 * <p>It runs before the test's own {@code @BeforeEach} methods, so timers set up there are the
 * test's. A class that starts applications of its own, each on a database of its own, has no
 * earlier timers to park: for it this only lets the test move time.
 */
final class TimersOfEarlierTests implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext test) {
        var testClass = test.getRequiredTestClass();
        if (MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(SpringBootTest.class)) {
            park(
                    SpringExtension.getApplicationContext(test).getBeanProvider(OneTimeTask.class).stream()
                            .map(task -> task.getName())
                            .toList(),
                    SpringExtension.getApplicationContext(test).getBean(JdbcClient.class));
        }
        TestClock.INSTANCE.ownedBy(testClass);
    }

    @Override
    public void afterEach(ExtensionContext test) {
        TestClock.INSTANCE.ownedBy(null);
    }

    private static void park(List<String> oneTimeTasks, JdbcClient jdbc) {
        // A timer being run now is left alone; the version bump tells a node that read a parked
        // timer before it was parked that it changed.
        jdbc.sql("""
                        update scheduling.scheduled_tasks
                           set execution_time = execution_time + interval '1000 years', version = version + 1
                         where not picked
                           and task_name in (:names)
                           and execution_time < now() + interval '500 years'
                        """).param("names", oneTimeTasks).update();
    }
}
