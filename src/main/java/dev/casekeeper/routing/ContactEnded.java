package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import org.springframework.modulith.NamedInterface;

/** An accepted contact ended; the agent's capacity on that channel is free again. */
@NamedInterface("events")
public record ContactEnded(ContactId contactId, CaseId caseId, AgentId agentId, RoutedChannel channel) {}
