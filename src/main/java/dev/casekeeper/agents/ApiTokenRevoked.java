package dev.casekeeper.agents;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** An agent's API token was revoked by the agent or an admin, in the transaction that publishes this. */
@NamedInterface("events")
public record ApiTokenRevoked(AgentId agentId, UUID tokenId, String name) {}
