package dev.casekeeper.telephony;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stored call. */
record CallRow(
        UUID id,
        UUID integrationId,
        String externalId,
        String fromNumber,
        @Nullable String toNumber,
        UUID customerId,
        UUID caseId,
        UUID contactId,
        String state,
        Instant ringingAt,
        @Nullable Instant answeredAt,
        @Nullable Instant endedAt,
        @Nullable Integer durationSeconds,
        @Nullable Integer holdSeconds,
        @Nullable String recordingUrl,
        @Nullable String hungUpBy,
        @Nullable String disposition,
        @Nullable String wrapUpNotes,
        @Nullable Instant wrappedUpAt) {

    boolean ended() {
        return "ended".equals(state);
    }
}
