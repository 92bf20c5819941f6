package dev.casekeeper.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.pollinterval.IterativePollInterval;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Awaitility looks at once and then often, when the test JVM starts. Its defaults look first after
 * 100 ms and then every 100 ms: a condition that is already true, or becomes true within a few
 * milliseconds, still cost each of the suite's hundreds of waits 100 to 200 ms. Here a wait looks
 * after 10 ms, then after 20, 40 and 80 ms (not at once: with an immediate first look, a browser
 * wait's ignored "no such element" escaped once in a full run; the cause was not pinned down), and from then on every 100 ms as before, so a long
 * wait does not ask its condition (often a query or an HTTP request) more often than it did.
 * Waits that set their own delay or interval keep them.
 */
public class QuickPolls implements LauncherSessionListener {

    /** Doubled before the first interval: Awaitility hands the start to {@link #next} too. */
    static final Duration FIRST = Duration.ofMillis(5);

    static final Duration LONGEST = Duration.ofMillis(100);

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.setDefaultPollInterval(new IterativePollInterval(QuickPolls::next, FIRST));
    }

    static Duration next(Duration last) {
        var doubled = last.multipliedBy(2);
        return doubled.compareTo(LONGEST) > 0 ? LONGEST : doubled;
    }
}
