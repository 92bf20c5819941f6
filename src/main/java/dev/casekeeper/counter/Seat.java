package dev.casekeeper.counter;

import dev.casekeeper.agents.AgentId;
import java.time.Instant;

/** An agent serving at a location's desk since a moment. */
public record Seat(AgentId agentId, LocationId locationId, String desk, Instant since) {}
