package dev.casekeeper.events;

/**
 * A reaction failed and its savepoint was rolled back, in the transaction still running: whatever a
 * module kept in memory for this transaction since the reaction began may describe writes that are
 * gone. Published synchronously, before the reaction's deferral.
 */
public record ReactionUndone() {}
