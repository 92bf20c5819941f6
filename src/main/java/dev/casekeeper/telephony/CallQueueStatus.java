package dev.casekeeper.telephony;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A call's place in its queue, for an IVR to announce: while it waits, its position (1 is next) and
 * estimated wait, and whether to offer the caller a callback because the estimate is past the team's
 * setting.
 *
 * @param state routing's state of the call's contact ({@code waiting}, {@code offered}, {@code accepted}, {@code ended}, {@code abandoned})
 */
public record CallQueueStatus(
        String callId,
        String state,
        @Nullable Integer position,
        @Nullable Duration estimatedWait,
        boolean offerCallback,
        Duration offerCallbackAfter) {}
