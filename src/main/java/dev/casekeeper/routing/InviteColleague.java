package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;

/** A warm transfer's first step: invite a colleague into the live contact, with why and what the customer already said. */
public record InviteColleague(AgentId toAgentId, String reason, String summary) {}
