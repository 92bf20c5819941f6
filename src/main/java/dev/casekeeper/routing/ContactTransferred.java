package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import org.springframework.modulith.NamedInterface;

/** A live contact went from its agent to another team's queue (a cold transfer), with a reason and a summary on its case. */
@NamedInterface("events")
public record ContactTransferred(ContactId contactId, CaseId caseId, AgentId fromAgentId, TeamId toTeamId) {}
