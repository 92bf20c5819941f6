package dev.casekeeper.telephony;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What became of an accepted call event: {@code applied} (it changed the call), {@code duplicate}
 * (its id was seen before; nothing changed), or {@code recorded} (stored, with nothing to change:
 * a second ring, an answer by the phone system's own menu, an end after Casekeeper ended the contact).
 */
public record EventReceipt(
        String eventId,
        String callId,
        String type,
        String outcome,
        @Nullable UUID caseId,
        @Nullable Long caseNumber,
        @Nullable UUID contactId) {}
