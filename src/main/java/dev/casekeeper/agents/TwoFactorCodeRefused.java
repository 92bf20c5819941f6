package dev.casekeeper.agents;

import org.springframework.modulith.NamedInterface;

/**
 * A code was refused at the second sign-in step or on the account page: wrong, used before, or
 * refused unchecked because too many were wrong ({@code locked}).
 */
@NamedInterface("events")
public record TwoFactorCodeRefused(AgentId agentId, boolean locked) {}
