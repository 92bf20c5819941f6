package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import org.springframework.modulith.NamedInterface;

/** The contact's agent invited a colleague into the live contact (a warm transfer). */
@NamedInterface("events")
public record ColleagueInvited(
        InvitationId invitationId, ContactId contactId, CaseId caseId, AgentId fromAgentId, AgentId toAgentId) {}
