package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;

/** An agent joined the live contact: an invited colleague, or a supervisor who took a request. Both may write now. */
public record ColleagueJoined(ContactId contactId, CaseId caseId, AgentId agentId) {}
