package dev.casekeeper.telephony;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A call that already happened, as the demo tells it: who called, how long it lasted and was on hold,
 * who hung up, and whether the team owes the caller a callback.
 */
public record RecordedCall(
        String from,
        Duration duration,
        Duration held,
        @Nullable String hungUpBy,
        boolean callback) {}
