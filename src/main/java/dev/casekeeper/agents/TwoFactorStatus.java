package dev.casekeeper.agents;

/**
 * An agent's second factor: whether it is set up, whether their role requires one, and how many
 * recovery codes are left unused.
 */
public record TwoFactorStatus(boolean enrolled, boolean required, int recoveryCodesLeft) {}
