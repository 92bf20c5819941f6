package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import java.time.Duration;
import org.springframework.modulith.NamedInterface;

/** An agent accepted an offered contact; the customer waited {@code waited}. */
@NamedInterface("events")
public record ContactAccepted(
        OfferId offerId, ContactId contactId, CaseId caseId, AgentId agentId, RoutedChannel channel, Duration waited) {}
