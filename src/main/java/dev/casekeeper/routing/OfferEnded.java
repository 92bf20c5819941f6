package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/**
 * An offer ended without being accepted: the agent declined it, it expired, or it was withdrawn
 * because the agent became unavailable. The contact waits again.
 */
@NamedInterface("events")
public record OfferEnded(OfferId offerId, ContactId contactId, AgentId agentId, Outcome outcome) {

    public enum Outcome {
        DECLINED,
        EXPIRED,
        WITHDRAWN;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
