package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * A contact has been on hold since {@code since} for as long as the hold limit allows: the agent is
 * prompted to return, and the customer's channel can tell them they are not forgotten.
 */
@NamedInterface("events")
public record HoldLimitReached(ContactId contactId, CaseId caseId, AgentId agentId, Instant since) {}
