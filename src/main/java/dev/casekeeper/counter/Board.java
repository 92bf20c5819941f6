package dev.casekeeper.counter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the waiting-room screen shows: who is being served at which desk (latest call first), the next
 * numbers in line, and the wait a walk-in arriving now can expect for each reason. First names are
 * not shown: the board is public.
 */
public record Board(
        LocationId locationId,
        String name,
        List<AtDesk> serving,
        List<String> next,
        int waiting,
        List<ReasonWait> waits,
        Instant at) {

    /** A ticket called to a desk, and whether the walk-in has come yet. */
    public record AtDesk(String number, String desk, boolean arrived) {}

    /** For one reason: how many wait, and the estimate for someone taking a ticket now. */
    public record ReasonWait(String label, String code, int waiting, Duration estimate) {}
}
