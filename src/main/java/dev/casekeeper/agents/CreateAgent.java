package dev.casekeeper.agents;

/** Adds an agent who signs in with the given email and password. */
public record CreateAgent(String email, String name, String password, Role role) {}
