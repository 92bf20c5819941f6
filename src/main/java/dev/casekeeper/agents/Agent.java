package dev.casekeeper.agents;

import java.time.Instant;
import java.util.List;

/** An agent as others see it: never with credentials. */
public record Agent(
        AgentId id, String email, String name, Role role, boolean active, List<TeamId> teamIds, Instant createdAt) {}
