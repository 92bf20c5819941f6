package dev.casekeeper.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that moves the {@link TestClock}: each of its tests starts with only its own
 * timers ahead of it (see {@link TimersOfEarlierTests}), so moving time makes due what the test
 * scheduled and nothing an earlier test left behind. {@link TestClock#advance} refuses to move
 * time in a test without it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TimersOfEarlierTests.class)
public @interface MovesTime {}
