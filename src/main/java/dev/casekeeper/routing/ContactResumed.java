package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import java.time.Duration;

/** The agent took the contact off hold (or it ended while on hold) after {@code heldFor}. */
public record ContactResumed(ContactId contactId, CaseId caseId, AgentId agentId, Duration heldFor) {}
