package dev.casekeeper.agents;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** An API token was issued to an agent, in the transaction that publishes this (never the secret). */
@NamedInterface("events")
public record ApiTokenIssued(AgentId agentId, UUID tokenId, String name) {}
