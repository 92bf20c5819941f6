package dev.casekeeper.assist;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * Hands a (heated) case to a colleague or a team in one step: the reason and the summary of what
 * the customer already said are written for the agent. A supervisor takes a case over by handing
 * it to themselves.
 */
public record HandOver(
        @Nullable AgentId toAgentId,
        @Nullable TeamId toTeamId,
        @Nullable String note) {}
