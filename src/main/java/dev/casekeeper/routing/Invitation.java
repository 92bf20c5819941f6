package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An invitation of a colleague into a live contact, with the reason and what the customer already said. */
public record Invitation(
        InvitationId id,
        ContactId contactId,
        CaseId caseId,
        AgentId fromAgentId,
        AgentId toAgentId,
        String reason,
        String summary,
        Instant at,
        @Nullable String outcome) {}
