package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * Moves a case to another agent or to a team's queue. The reason and the summary of what the
 * customer already said are required: they travel with the case to the receiver.
 */
public record TransferCase(
        @Nullable AgentId toAgentId, @Nullable TeamId toTeamId, String reason, String summary) {}
