package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** A contact was offered to an agent, who has until {@code expiresAt} to accept it. */
@NamedInterface("events")
public record ContactOffered(
        OfferId offerId,
        ContactId contactId,
        CaseId caseId,
        AgentId agentId,
        RoutedChannel channel,
        Instant expiresAt) {}
