package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import java.time.Duration;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * The agent took the contact off hold (or it ended while on hold) after {@code heldFor}; {@code
 * pastLimit} when that was longer than the hold limit.
 */
@NamedInterface("events")
public record ContactResumed(ContactId contactId, CaseId caseId, AgentId agentId, Duration heldFor, boolean pastLimit) {

    static ContactResumed of(ContactId contactId, CaseId caseId, Hold hold, Instant now) {
        var heldFor = Duration.between(hold.since(), now);
        return new ContactResumed(
                contactId, caseId, hold.agentId(), heldFor, hold.limitReached() || heldFor.compareTo(hold.limit()) > 0);
    }
}
