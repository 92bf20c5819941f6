package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import org.springframework.modulith.NamedInterface;

/**
 * An invitation into a live contact was declined by the colleague or withdrawn by the agent who
 * sent it ({@code outcome}: {@code declined} or {@code withdrawn}); an accepted one is a
 * {@link ColleagueJoined}. Both agents' pages drop it.
 */
@NamedInterface("events")
public record InvitationAnswered(
        InvitationId invitationId,
        ContactId contactId,
        CaseId caseId,
        AgentId fromAgentId,
        AgentId toAgentId,
        String outcome) {}
