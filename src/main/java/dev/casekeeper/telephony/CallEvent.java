package dev.casekeeper.telephony;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One call event, whichever phone system reported it: an adapter turns its requests into these.
 *
 * @param eventId unique per integration: a second event with the same id changes nothing
 * @param callId the phone system's id of the call
 * @param from the caller's number (required on {@code ringing})
 * @param teamId where a {@code transferred} call goes
 * @param hungUpBy on {@code ended}: {@code customer}, {@code agent} or {@code system}
 * @param payload the event as received, kept with it
 */
record CallEvent(
        String eventId,
        String callId,
        CallEventType type,
        @Nullable Instant occurredAt,
        @Nullable String from,
        @Nullable String to,
        @Nullable UUID teamId,
        @Nullable String reason,
        @Nullable String summary,
        @Nullable Integer durationSeconds,
        @Nullable Integer holdSeconds,
        @Nullable String recordingUrl,
        @Nullable String hungUpBy,
        String payload) {}
