package dev.casekeeper.agents;

import java.time.Instant;
import java.util.List;

/** A team and its members. */
public record Team(TeamId id, String name, List<AgentId> memberIds, Instant createdAt) {}
