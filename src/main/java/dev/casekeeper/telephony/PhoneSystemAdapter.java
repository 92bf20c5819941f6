package dev.casekeeper.telephony;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One phone system's way of reporting calls: how its requests are signed and how they read as
 * {@link CallEvent}s. Casekeeper's own signed webhook and Twilio's voice webhooks are two; an
 * Asterisk or FreeSWITCH bridge is one more bean implementing this, with its own {@link #kind()}
 * (and that kind added to {@code telephony.integration}'s check).
 */
interface PhoneSystemAdapter {

    /** The integration kind this adapter reads, as stored on the integration. */
    String kind();

    /** The integration the request names (a header, or the path); null when it names none. */
    @Nullable
    String integrationId(InboundRequest request);

    /**
     * Checks that the integration's phone system sent the request: its signature under the secret and,
     * where the system signs one, a timestamp within the replay window.
     *
     * @throws WebhookRefused when it did not
     */
    void verify(InboundRequest request, String secret, Instant now);

    /**
     * The call events the request reports; none for a status Casekeeper does not follow.
     *
     * @throws dev.casekeeper.shared.InvalidInputException when the request cannot be read
     */
    List<CallEvent> events(InboundRequest request);
}
