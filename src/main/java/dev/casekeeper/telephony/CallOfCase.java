package dev.casekeeper.telephony;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The case's latest call as the call panel shows it.
 *
 * @param live whether the call is still going (rung and not ended)
 * @param answered whether an agent took it
 * @param holdLimitReached whether it is on hold past routing's hold limit now: the agent is prompted
 */
public record CallOfCase(
        String callId,
        String from,
        boolean live,
        boolean answered,
        Instant ringingAt,
        @Nullable Instant answeredAt,
        @Nullable Instant endedAt,
        @Nullable Integer durationSeconds,
        @Nullable Integer holdSeconds,
        @Nullable String recordingUrl,
        @Nullable String hungUpBy,
        boolean onHold,
        boolean holdLimitReached,
        boolean mine,
        @Nullable String disposition,
        @Nullable String wrapUpNotes) {

    public boolean wrappedUp() {
        return disposition != null;
    }
}
