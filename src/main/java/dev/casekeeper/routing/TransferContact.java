package dev.casekeeper.routing;

import dev.casekeeper.agents.TeamId;

/** A cold transfer: the live contact goes to another team's queue, with why and what the customer already said. */
public record TransferContact(TeamId toTeamId, String reason, String summary) {}
