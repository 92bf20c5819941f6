package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import org.springframework.modulith.NamedInterface;

/** An agent joined the live contact: an invited colleague, or a supervisor who took a request. Both may write now. */
@NamedInterface("events")
public record ColleagueJoined(ContactId contactId, CaseId caseId, AgentId agentId) {}
