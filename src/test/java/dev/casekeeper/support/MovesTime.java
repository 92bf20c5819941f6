package dev.casekeeper.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.TestPropertySource;

/**
 * Marks a test class that moves the {@link TestClock}. Its tests run in the application of the
 * tests that move time: a database of its own and the {@link TestClock} as its clock, so no jump
 * makes the rest of the suite's timers due, and no policy change there re-evaluates the rest of the
 * suite's cases. Each test also starts with only its own timers ahead of it (see
 * {@link TimersOfEarlierTests}). {@link TestClock#advance} refuses to move time in a test without it.
 * A class that starts applications of its own gives them {@code --casekeeper.test.moves-time=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TimersOfEarlierTests.class)
@TestPropertySource(
        properties = {
            "casekeeper.test.moves-time=true",
            "casekeeper.data-dir=${casekeeper.test.time-data-dir:target/test-data/time}"
        })
public @interface MovesTime {}
