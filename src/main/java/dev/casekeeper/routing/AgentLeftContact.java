package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import org.springframework.modulith.NamedInterface;

/** An agent left the live contact; when it was its agent, the colleague who joined now holds it and owns the case. */
@NamedInterface("events")
public record AgentLeftContact(ContactId contactId, CaseId caseId, AgentId agentId) {}
